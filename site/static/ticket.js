/* The ticket page: show one of the tickets drawn at build time, at random or the one in the address (#ticket-7). */
"use strict";

(function () {
  var tickets = Array.prototype.slice.call(document.querySelectorAll(".ticket"));
  var controls = document.querySelector(".ticket-controls");
  var status = document.getElementById("ticket-status");
  if (!tickets.length) return;
  var current = null;

  function show(ticket) {
    tickets.forEach(function (t) { t.hidden = t !== ticket; });
    current = ticket;
    status.textContent = "Билет " + (tickets.indexOf(ticket) + 1) + " из " + tickets.length + ".";
  }

  function fromAddress() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var ticket = id ? document.getElementById(id) : null;
    return ticket && ticket.classList.contains("ticket") ? ticket : null;
  }

  function random() {
    var others = tickets.filter(function (t) { return t !== current; });
    var pick = new Uint32Array(1);
    window.crypto.getRandomValues(pick);
    return others[pick[0] % others.length];
  }

  function draw() {
    var ticket = random();
    history.replaceState(null, "", "#" + ticket.id);  // the address names the ticket: reload or share it
    show(ticket);
  }

  controls.hidden = false;
  document.getElementById("next-ticket").addEventListener("click", function () {
    draw();
    window.scrollTo(0, 0);
  });
  window.addEventListener("hashchange", function () {
    var ticket = fromAddress();
    if (ticket) show(ticket);
  });
  var linked = fromAddress();
  show(linked || random());  // no address change here: the browser would scroll to the ticket once loaded
})();
