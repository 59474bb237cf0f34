package org.redwheel.jt808.message;

import java.util.List;

/**
 * 0x0704: several fixes at once, either a normal batch or fixes stored while the terminal was out
 * of coverage (blind area) and sent late.
 *
 * @param type {@link #NORMAL} or {@link #BLIND_AREA}
 */
public record BatchLocationUpload(int type, List<Location> locations) implements Jt808Message {

    public static final int NORMAL = 0;
    public static final int BLIND_AREA = 1;

    public BatchLocationUpload {
        locations = List.copyOf(locations);
    }

    public boolean blindArea() {
        return type == BLIND_AREA;
    }

    @Override
    public int messageId() {
        return MessageIds.BATCH_LOCATION_UPLOAD;
    }
}
