// Quick-exit for the public pages (issue 11). The link already leaves the site without script; this
// replaces the current page in the history, so Back does not return to it, and lets the Escape key
// pressed twice within a second do the same.
(function () {
  'use strict';
  var link = document.getElementById('snel-weg');
  if (!link) {
    return;
  }
  var target = link.getAttribute('href');
  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.body.style.visibility = 'hidden';
    window.location.replace(target);
  }
  link.addEventListener('click', leave);
  var lastEscape = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    var now = Date.now();
    if (now - lastEscape < 1000) {
      leave(event);
    } else {
      lastEscape = now;
    }
  });
})();
