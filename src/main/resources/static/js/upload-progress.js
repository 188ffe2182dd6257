// Shows how much of a large file has been sent. Without JavaScript the form posts as usual.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("import-form");
  const bar = document.getElementById("upload-progress");
  if (!form || !bar || !window.FormData) {
    return;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", (progress) => {
      if (progress.lengthComputable) {
        bar.value = Math.floor((100 * progress.loaded) / progress.total);
      }
    });
    request.addEventListener("load", () => {
      // The server answers with the import's page (after a redirect) or the form with an error.
      if (request.responseURL && request.responseURL !== form.action) {
        window.location.assign(request.responseURL);
      } else {
        document.open();
        document.write(request.responseText);
        document.close();
      }
    });
    request.addEventListener("error", () => form.submit());
    bar.hidden = false;
    form.querySelector("button[type=submit]").disabled = true;
    request.send(new FormData(form));
  });
});
