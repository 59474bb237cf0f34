package org.redwheel.care;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;

/** A care API body or parameter that cannot be read is answered naming the field, like any invalid input. */
@RestControllerAdvice(assignableTypes = {CareApi.class, CounsellingApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CareApiErrors {

    private final MessageSource messages;

    CareApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = "body";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                field = jackson.getPath().stream()
                        .map(JacksonException.Reference::getPropertyName)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining("."));
                break;
            }
        }
        return problem(field, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> unreadableParameter(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(e.getName(), request);
    }

    private ResponseEntity<ProblemDetail> problem(String field, HttpServletRequest request) {
        String message = messages.getMessage(
                "validation.format", null, "validation.format", RequestContextUtils.getLocale(request));
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid input; nothing was changed");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("urn:redwheel:problem:invalid-input"));
        problem.setProperty("errors", List.of(Map.of("field", field, "code", "validation.format", "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }
}
