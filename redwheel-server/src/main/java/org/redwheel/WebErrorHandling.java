package org.redwheel;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;

/**
 * Turns the platform's exceptions into answers: RFC 9457 problem details on the API (with the
 * offending fields listed), a friendly page in the console.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrorHandling {

    private final MessageSource messages;
    private final DataSize maxUpload;

    WebErrorHandling(
            MessageSource messages, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload) {
        this.messages = messages;
        this.maxUpload = maxUpload;
    }

    /** An upload over the configured limit: the console says how large a file may be. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String limit = maxUpload.toMegabytes() >= 1 ? maxUpload.toMegabytes() + " MB" : maxUpload.toKilobytes() + " KB";
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE, "the file is larger than the limit of " + limit);
            problem.setTitle("File too large");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        ModelAndView page = new ModelAndView(
                isMobile(request)
                        ? "mobile/too-large"
                        : request.getHeader("HX-Request") != null ? "error/413 :: message" : "error/413");
        page.addObject("limit", limit);
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return page;
    }

    @ExceptionHandler(RecordNotFoundException.class)
    Object notFound(RecordNotFoundException e, HttpServletRequest request) {
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "record not found");
            problem.setTitle("Not Found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        // The drivers' pages have their own frame: the console's needs a staff member.
        ModelAndView page = new ModelAndView(isMobile(request) ? "mobile/not-found" : "error/404");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of(
                        "field", v.field(),
                        "code", v.messageKey(),
                        "message", messages.getMessage(v.messageKey(), null, v.messageKey(), locale)))
                .toList();
        return badRequest(errors);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", error.getField(),
                        "code", String.valueOf(error.getCode()),
                        "message", messages.getMessage(error, locale)))
                .toList();
        return badRequest(errors);
    }

    /**
     * An API body that cannot even be read (a date that is no date, an unknown enum value) is invalid
     * input like any other: a problem naming the field. Pages keep Spring's default answer.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (!isApi(request)) {
            throw e;
        }
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
        return unreadable(field, request);
    }

    /** An API parameter of the wrong type: a problem naming the parameter. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> unreadableParameter(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (!isApi(request)) {
            throw e;
        }
        return unreadable(e.getName(), request);
    }

    private ResponseEntity<ProblemDetail> unreadable(String field, HttpServletRequest request) {
        String message = messages.getMessage(
                "validation.format", null, "validation.format", RequestContextUtils.getLocale(request));
        return badRequest(List.of(Map.of("field", field, "code", "validation.format", "message", message)));
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid input; nothing was changed");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("urn:redwheel:problem:invalid-input"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static boolean isMobile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/m") || path.startsWith("/m/");
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
