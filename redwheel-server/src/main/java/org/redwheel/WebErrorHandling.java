package org.redwheel;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns the platform's exceptions into answers: RFC 9457 problem details on the API (with the
 * offending fields listed), a friendly page in the console.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrorHandling {

    private final MessageSource messages;

    WebErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RecordNotFoundException.class)
    Object notFound(RecordNotFoundException e, HttpServletRequest request) {
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "record not found");
            problem.setTitle("Not Found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        ModelAndView page = new ModelAndView("error/404");
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

    private static ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid input; nothing was changed");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("urn:redwheel:problem:invalid-input"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
