package org.redwheel.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/** What a login request carries besides username and password. */
record LoginDetails(String remoteAddress, String totpCode) implements Serializable {

    static final AuthenticationDetailsSource<HttpServletRequest, LoginDetails> SOURCE =
            request -> new LoginDetails(request.getRemoteAddr(), request.getParameter("totpCode"));
}
