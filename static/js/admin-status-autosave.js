/* The admin event list's editable status column saves as soon as a status is changed.

   Without this, a status chosen in the list is lost unless the editor also presses Save at the
   bottom of the page. Changing a select submits the list's form with its own Save button, as
   pressing it would (so every row changed so far is saved, and the admin's messages report
   it). Loaded as a file (the Content-Security-Policy allows no inline script); without
   JavaScript the Save button works as before. */
(function () {
  "use strict";

  function saveButton(form) {
    return form.querySelector('input[type="submit"][name="_save"], button[name="_save"]');
  }

  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!(select instanceof HTMLSelectElement) || !/^form-\d+-status$/.test(select.name)) {
      return;
    }
    var form = select.form;
    var button = form && saveButton(form);
    if (!button) {
      return;
    }
    select.closest("tr").classList.add("status-saving");
    form.requestSubmit(button);
  });
})();
