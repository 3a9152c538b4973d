// "Use my location": asks the browser for the position only when the person presses the
// button, then submits the search form with it. Without JavaScript the button stays hidden
// and the municipality lists and the place name search work as before.
(function () {
  "use strict";
  var form = document.querySelector("form.directory-search");
  if (!form || !("geolocation" in navigator)) return;
  var area = form.querySelector(".locate");
  var button = form.querySelector("[data-locate]");
  var status = form.querySelector("[data-locate-status]");
  area.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = form.dataset.locating;
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        form.elements.lat.value = position.coords.latitude.toFixed(6);
        form.elements.lon.value = position.coords.longitude.toFixed(6);
        var by = document.createElement("input");
        by.type = "hidden";
        by.name = "by";
        by.value = "location";
        form.appendChild(by);
        form.submit();
      },
      function () {
        status.textContent = form.dataset.denied;
        button.disabled = false;
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  });
})();
