// The documented Parley queue stub: calls made before parley.js loads are replayed in order.
window.Parley = window.Parley || function () { (window.Parley.q = window.Parley.q || []).push(arguments); };
