// Console behaviour without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});
// Answers with an error status (a refused upload: 400, too large: 413) are shown where the request
// was aimed when the target asks for them with data-swap-errors; htmx ignores them otherwise.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if ((status === 400 || status === 413) && event.detail.target && event.detail.target.closest("[data-swap-errors]")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
// A file larger than the server accepts is refused before it is sent, with the server's message.
document.addEventListener("change", function (event) {
  var input = event.target;
  if (input.matches && input.matches("input[type=file][data-max-bytes]")) {
    var max = Number(input.getAttribute("data-max-bytes"));
    var tooLarge = Array.prototype.some.call(input.files || [], function (file) { return file.size > max; });
    input.setCustomValidity(tooLarge ? input.getAttribute("data-too-large") : "");
    if (tooLarge) {
      input.reportValidity();
    }
  }
});
