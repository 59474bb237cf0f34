// "I need help": attaches the driver's location from the browser when he asks for it, and warns of a
// photo over the limit before it is uploaded over a slow network.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("attach-location");
  var status = document.getElementById("location-status");
  var latitude = document.getElementById("latitude");
  var longitude = document.getElementById("longitude");
  if (button && navigator.geolocation) {
    button.addEventListener("click", function () {
      status.textContent = button.getAttribute("data-locating");
      navigator.geolocation.getCurrentPosition(function (position) {
        latitude.value = position.coords.latitude.toFixed(6);
        longitude.value = position.coords.longitude.toFixed(6);
        status.textContent = button.getAttribute("data-attached") + " " + latitude.value + ", " + longitude.value;
      }, function () {
        status.textContent = button.getAttribute("data-denied");
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  } else if (button) {
    button.disabled = true;
  }
  var photo = document.getElementById("photo");
  var photoStatus = document.getElementById("photo-status");
  if (photo && photoStatus) {
    photo.addEventListener("change", function () {
      var limit = Number(photo.getAttribute("data-max-bytes"));
      var file = photo.files && photo.files[0];
      photoStatus.textContent = file && file.size > limit ? photo.getAttribute("data-too-large") : "";
    });
  }
});
