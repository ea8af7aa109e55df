// ladderc site script: the matrix filter, and small conveniences. The pages are complete without it.
// Loaded as a file (the Content-Security-Policy allows no inline script); touches nothing remote.
(function () {
  'use strict';

  /** Case and accents do not matter: "resume" finds "Résumé". */
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  /** The words of a query; an empty list matches everything. */
  function words(query) {
    return fold(query).split(/\s+/).filter(Boolean);
  }

  function matchesAll(text, terms) {
    var haystack = fold(text);
    for (var i = 0; i < terms.length; i += 1) if (haystack.indexOf(terms[i]) === -1) return false;
    return true;
  }

  function setHidden(element, hidden) {
    if (hidden) element.setAttribute('data-filter-hidden', '');
    else element.removeAttribute('data-filter-hidden');
  }

  // A row (or card entry) stays when its competency (name, area, description, category) matches
  // every word, or when one of its statements does; only the matching statements are marked.
  function filterRow(row, category, terms) {
    var head = row.querySelector('th[scope="row"], .card-competency');
    var statements = row.querySelectorAll('.statements > li');
    var headText = (head ? head.textContent || '' : '') + ' ' + category;
    var headMatches = terms.length === 0 || matchesAll(headText, terms);
    var any = false;
    for (var i = 0; i < statements.length; i += 1) {
      var hit = terms.length > 0 && matchesAll(statements[i].textContent || '', terms);
      statements[i].classList.toggle('is-match', hit);
      if (hit) any = true;
    }
    var visible = headMatches || any;
    setHidden(row, !visible);
    return visible;
  }

  /** A catalogue string from the page (data-* attributes; English when a custom template leaves one out) with its {name} placeholders filled in. */
  function fill(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? String(values[name]) : whole; });
  }

  function setUpFilter(box) {
    var input = box.querySelector('input');
    var status = box.querySelector('.filter-status');
    var section = box.closest('section') || document;
    var table = section.querySelector('[data-matrix]');
    var cards = section.querySelector('[data-cards]');
    if (!input) return;
    var total = table ? table.querySelectorAll('tr[data-row]').length : 0;

    function apply() {
      var terms = words(input.value);
      var shown = 0;
      [table, cards].forEach(function (root) {
        if (!root) return;
        root.querySelectorAll('[data-group]').forEach(function (group) {
          var any = false;
          var heading = group.querySelector('th[scope="rowgroup"], .card-category');
          var category = heading ? heading.textContent || '' : '';
          group.querySelectorAll('[data-row]').forEach(function (row) {
            var visible = filterRow(row, category, terms);
            if (visible) any = true;
            if (visible && root === table) shown += 1;
          });
          setHidden(group, !any);
        });
      });
      if (status) {
        status.textContent =
          terms.length === 0 ? '' : shown === 0 ? box.getAttribute('data-no-match') || 'No competency matches.' : fill(box.getAttribute('data-shown') || '{shown} of {total} competencies shown', { shown: shown, total: total });
      }
    }

    input.addEventListener('input', apply);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && input.value !== '') {
        input.value = '';
        apply();
      }
    });
    box.hidden = false;
    if (input.value) apply();
  }

  function isRendered(element) {
    return element.getClientRects().length > 0;
  }

  // On narrow screens the table is replaced by per-level cards, so a deep link to a level column
  // or a competency row points at something hidden: go to the first visible element standing in
  // for it (data-anchor), i.e. the level's card or the competency in the first card.
  function followHashToVisibleTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target || isRendered(target)) return;
    var stand = document.querySelectorAll('[data-anchor]');
    for (var i = 0; i < stand.length; i += 1) {
      if (stand[i].getAttribute('data-anchor') === id && isRendered(stand[i])) {
        stand[i].scrollIntoView();
        return;
      }
    }
  }

  // Print everything, including statements folded away in <details>.
  function openDetailsForPrint() {
    document.querySelectorAll('details:not([open])').forEach(function (details) {
      details.setAttribute('open', '');
      details.setAttribute('data-opened-for-print', '');
    });
  }

  function restoreDetailsAfterPrint() {
    document.querySelectorAll('details[data-opened-for-print]').forEach(function (details) {
      details.removeAttribute('open');
      details.removeAttribute('data-opened-for-print');
    });
  }

  function start() {
    document.querySelectorAll('[data-filter]').forEach(setUpFilter);
    followHashToVisibleTarget();
    window.addEventListener('hashchange', followHashToVisibleTarget);
    window.addEventListener('beforeprint', openDetailsForPrint);
    window.addEventListener('afterprint', restoreDetailsAfterPrint);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
