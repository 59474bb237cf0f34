// The rule-set import: a chosen file is read into the text box, which the form posts.
(function () {
  var input = document.getElementById("import-file");
  if (!input || !window.FileReader) {
    return;
  }
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      document.getElementById(input.dataset.target).value = reader.result;
    };
    reader.readAsText(file, "UTF-8");
  });
})();
