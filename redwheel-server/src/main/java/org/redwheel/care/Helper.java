package org.redwheel.care;

/**
 * A helper Party member (帮扶党员) of a village.
 *
 * @param accountId his console account (role HELPER), null while he has none
 * @param username that account's user name
 * @param drivers how many drivers he cares for now
 */
public record Helper(
        long id,
        String name,
        String phone,
        long villageId,
        String villageName,
        long townshipId,
        String townshipName,
        Long partyOrganizationId,
        String partyOrganizationName,
        Long accountId,
        String username,
        boolean active,
        int drivers) {

    public boolean hasAccount() {
        return accountId != null;
    }
}
