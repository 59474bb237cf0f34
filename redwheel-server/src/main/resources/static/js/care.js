// Care pages: selects that filter submit their form at once; the visit form takes the phone's
// position when the helper asks for it. No inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("change", function (event) {
  var select = event.target.closest("select[data-autosubmit]");
  if (select && select.form) {
    select.form.requestSubmit();
  }
});
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-locate]");
  if (!button) {
    return;
  }
  event.preventDefault();
  var form = button.closest("form");
  var status = form.querySelector("[data-locate-status]");
  if (!navigator.geolocation) {
    status.textContent = button.getAttribute("data-unavailable");
    return;
  }
  status.textContent = button.getAttribute("data-locating");
  navigator.geolocation.getCurrentPosition(function (position) {
    form.querySelector("input[name=latitude]").value = position.coords.latitude.toFixed(6);
    form.querySelector("input[name=longitude]").value = position.coords.longitude.toFixed(6);
    status.textContent = position.coords.latitude.toFixed(5) + ", " + position.coords.longitude.toFixed(5);
  }, function () {
    status.textContent = button.getAttribute("data-unavailable");
  }, {enableHighAccuracy: true, timeout: 10000, maximumAge: 60000});
});
