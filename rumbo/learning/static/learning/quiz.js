// Saves each quiz answer as soon as it is given. When the connection is down the answer
// waits in memory and is sent again when the browser is back online, so nothing is lost.
(function () {
  "use strict";
  var pending = new Map();
  var status = document.getElementById("quiz-status");
  var texts = document.getElementById("quiz-messages");

  function say(key) {
    var node = texts && texts.content.querySelector("[data-" + key + "]");
    if (status && node) {
      status.textContent = node.textContent;
      status.hidden = false;
    }
  }

  // One request at a time per question, so that answers cannot arrive out of order and an
  // older choice overwrite a newer one: a change made while a request is in flight is sent
  // as soon as it ends.
  var sending = new Set();
  // "Finish" pressed while answers were still on their way: the quiz is handed in by itself
  // as soon as the last one has arrived, so nobody has to press it twice.
  var finishing = false;

  function finishIfDone() {
    var finish = document.getElementById("submit-quiz");
    if (finishing && finish && !pending.size && !sending.size) {
      finishing = false;
      finish.submit();
    }
  }

  function send(form) {
    var body = new FormData(form);
    var failed = false;
    pending.delete(form.id);
    sending.add(form.id);
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      return response.json().then(function (data) {
        var mark = form.querySelector(".saved");
        if (mark) {
          mark.textContent = response.ok
            ? texts.content.querySelector("[data-saved]").textContent
            : data.error || "";
        }
      });
    }).catch(function (error) {
      failed = true;
      if (!pending.has(form.id)) pending.set(form.id, form);
      throw error;
    }).finally(function () {
      sending.delete(form.id);
      if (!failed && pending.has(form.id)) save(form);
      finishIfDone();
    });
  }

  function save(form) {
    pending.set(form.id, form);
    if (!navigator.onLine) {
      say("offline");
      return;
    }
    if (sending.has(form.id)) return;
    send(form).catch(function () {
      say("offline");
    });
  }

  function flush() {
    var forms = Array.from(pending.values()).filter(function (form) {
      return !sending.has(form.id);
    });
    if (!forms.length) return;
    Promise.all(forms.map(function (form) { return send(form); }))
      .then(function () { if (!pending.size) say("synced"); })
      .catch(function () { say("offline"); });
  }

  document.querySelectorAll("form.question").forEach(function (form) {
    form.addEventListener("change", function () { save(form); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      save(form);
    });
  });
  var finish = document.getElementById("submit-quiz");
  if (finish) {
    finish.addEventListener("submit", function (event) {
      if (pending.size || sending.size) {
        event.preventDefault();
        finishing = true;
        say("pending");
        flush();
      }
    });
  }
  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { say("offline"); });
  setInterval(function () { if (navigator.onLine) flush(); }, 5000);
})();
