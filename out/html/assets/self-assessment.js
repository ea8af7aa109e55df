// ladderc self-assessment: the ticks and notes of a track's self-assessment page, kept in the page's
// URL fragment (#s=1&t=<ticks>&n.<competency>=<notes>) so that they survive a reload, can be
// bookmarked or shared, and never leave the device (a fragment is not sent to any server; no
// cookies, no storage). Ticks are one bit per statement, in page order (data-index), base64url.
// Also: the level the ticks point to, the gaps to the next one, export to JSON, print.
// Loaded as a file (the Content-Security-Policy allows no inline script); writes text only through
// textContent, never as markup.
(function () {
  'use strict';

  var form = document.querySelector('[data-assessment]');
  if (!form) return;
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][data-index]'));
  var notes = Array.prototype.slice.call(form.querySelectorAll('textarea[data-notes]'));
  var count = boxes.length;

  // ── state ⇄ URL ─────────────────────────────────────────────────────────────────────────────
  function toBase64Url(bytes) {
    var binary = '';
    for (var i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(text) {
    try {
      var binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
      return bytes;
    } catch (e) {
      return new Uint8Array(0);
    }
  }

  /** The page's answers: { ticks: boolean[], notes: { competencyId: text } }. */
  function readPage() {
    var state = { ticks: boxes.map(function (b) { return b.checked; }), notes: {} };
    notes.forEach(function (t) {
      if (t.value.trim() !== '') state.notes[t.getAttribute('data-notes')] = t.value;
    });
    return state;
  }

  function encode(state) {
    var bytes = new Uint8Array(Math.ceil(count / 8));
    state.ticks.forEach(function (on, i) {
      if (on) bytes[i >> 3] |= 1 << (i & 7);
    });
    var params = new URLSearchParams();
    params.set('s', '1');
    params.set('t', toBase64Url(bytes));
    Object.keys(state.notes).sort().forEach(function (id) {
      params.set('n.' + id, state.notes[id]);
    });
    return '#' + params.toString();
  }

  /** The state a fragment holds, or null when it is not ours (e.g. "#main" from the skip link). */
  function decode(hash) {
    if (hash.indexOf('#s=') !== 0) return null;
    var params = new URLSearchParams(hash.slice(1));
    var bytes = fromBase64Url(params.get('t') || '');
    var state = { ticks: [], notes: {} };
    for (var i = 0; i < count; i += 1) state.ticks.push(((bytes[i >> 3] || 0) >> (i & 7)) % 2 === 1);
    params.forEach(function (value, key) {
      if (key.indexOf('n.') === 0) state.notes[key.slice(2)] = value;
    });
    return state;
  }

  function applyState(state) {
    boxes.forEach(function (b, i) { b.checked = Boolean(state.ticks[i]); });
    notes.forEach(function (t) { t.value = state.notes[t.getAttribute('data-notes')] || ''; });
  }

  var share = form.querySelector('[data-share]');

  function save() {
    var hash = encode(readPage());
    if (location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
    if (share) share.value = location.href;
  }

  // ── result ──────────────────────────────────────────────────────────────────────────────────
  /** Levels in order, each with its statements' boxes across every competency. */
  var levels = Array.prototype.slice.call(form.querySelectorAll('[data-progress-level]')).map(function (item) {
    var id = item.getAttribute('data-progress-level');
    var sets = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-level]')).filter(function (f) {
      return f.getAttribute('data-level') === id;
    });
    return {
      id: id,
      item: item,
      label: item.querySelector('.assess-progress-label').textContent,
      sets: sets,
      boxes: sets.reduce(function (all, f) { return all.concat(Array.prototype.slice.call(f.querySelectorAll('input[type="checkbox"]'))); }, []),
    };
  });

  function ticked(level) {
    return level.boxes.filter(function (b) { return b.checked; }).length;
  }

  /** The highest level reached (every statement of it and below ticked), and the first one not. */
  function standing() {
    var reached = null;
    var next = null;
    for (var i = 0; i < levels.length; i += 1) {
      if (ticked(levels[i]) === levels[i].boxes.length) reached = levels[i];
      else {
        next = levels[i];
        break;
      }
    }
    return { reached: reached, next: next };
  }

  function statementText(box) {
    var label = form.querySelector('label[for="' + box.id + '"]');
    return label ? label.textContent.trim() : '';
  }

  function competencyOf(element) {
    var section = element.closest('[data-competency]');
    return { id: section.getAttribute('data-competency'), name: section.getAttribute('data-name') };
  }

  // English words for a page whose (older or customised) template leaves a data-t-* attribute out.
  var ENGLISH = {
    count: '{n} of {total}',
    none: 'No statement ticked yet.',
    top: 'Your answers point to {level}, the top level of this track.',
    reached: 'Your answers point to {level}.',
    'not-yet': 'Your answers do not reach {level} yet: {ticked} of its {total} statements are ticked.',
    gaps: 'Gaps to {level} ({count})',
    statement: 'statement',
    statements: 'statements',
    clear: 'Clear every tick and note on this page?',
  };

  /** The page's words (data-t-* on the form, in the page's language) with {name} placeholders filled in. */
  function say(key, values) {
    var text = form.getAttribute('data-t-' + key);
    return String(text === null ? ENGLISH[key] : text).replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? String(values[name]) : whole; });
  }

  var result = form.querySelector('[data-result]');
  var gaps = form.querySelector('[data-gaps]');
  var gapsTitle = form.querySelector('[data-gaps-title]');
  var gapsList = form.querySelector('[data-gaps-list]');

  function render() {
    levels.forEach(function (level) {
      var n = ticked(level);
      var counter = level.item.querySelector('.assess-progress-count');
      counter.textContent = say('count', { n: n, total: level.boxes.length });
      level.item.classList.toggle('is-met', n === level.boxes.length);
    });
    var s = standing();
    var any = boxes.some(function (b) { return b.checked; });
    if (s.reached && !s.next) result.textContent = say('top', { level: s.reached.label });
    else if (s.reached) result.textContent = say('reached', { level: s.reached.label });
    else if (!any) result.textContent = say('none', {});
    else result.textContent = say('not-yet', { level: s.next.label, ticked: ticked(s.next), total: s.next.boxes.length });

    while (gapsList.firstChild) gapsList.removeChild(gapsList.firstChild);
    gaps.hidden = !s.next;
    if (!s.next) return;
    var missing = s.next.boxes.filter(function (b) { return !b.checked; });
    gapsTitle.textContent = say('gaps', { level: s.next.label, count: missing.length + ' ' + say(missing.length === 1 ? 'statement' : 'statements', {}) });
    var byCompetency = [];
    missing.forEach(function (box) {
      var c = competencyOf(box);
      var last = byCompetency[byCompetency.length - 1];
      if (!last || last.id !== c.id) byCompetency.push((last = { id: c.id, name: c.name, boxes: [] }));
      last.boxes.push(box);
    });
    byCompetency.forEach(function (c) {
      var li = document.createElement('li');
      var name = document.createElement('strong');
      name.textContent = c.name;
      li.appendChild(name);
      var ul = document.createElement('ul');
      c.boxes.forEach(function (box) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = '#' + box.id;
        link.textContent = statementText(box);
        // Moving to the statement must not replace the answers in the URL: focus it instead.
        link.addEventListener('click', function (event) {
          event.preventDefault();
          box.focus();
          box.scrollIntoView({ block: 'center' });
        });
        item.appendChild(link);
        ul.appendChild(item);
      });
      li.appendChild(ul);
      gapsList.appendChild(li);
    });
  }

  // ── export ──────────────────────────────────────────────────────────────────────────────────
  function exportData() {
    var s = standing();
    var byId = {};
    var competencies = [];
    Array.prototype.slice.call(form.querySelectorAll('[data-competency]')).forEach(function (section) {
      var c = { id: section.getAttribute('data-competency'), name: section.getAttribute('data-name'), notes: '', levels: [] };
      var area = section.querySelector('textarea[data-notes]');
      if (area) c.notes = area.value;
      Array.prototype.slice.call(section.querySelectorAll('fieldset[data-level]')).forEach(function (set) {
        c.levels.push({
          level: set.getAttribute('data-level'),
          statements: Array.prototype.slice.call(set.querySelectorAll('input[type="checkbox"]')).map(function (box) {
            return { text: statementText(box), met: box.checked };
          }),
        });
      });
      byId[c.id] = c;
      competencies.push(c);
    });
    var ref = function (level) { return level ? { id: level.id, label: level.label } : null; };
    return {
      format: 'ladderc-self-assessment',
      version: 1,
      ladder: { id: form.getAttribute('data-ladder'), title: form.getAttribute('data-ladder-title') },
      track: { id: form.getAttribute('data-track'), name: form.getAttribute('data-track-name') },
      pointsTo: ref(s.reached),
      next: ref(s.next),
      levels: levels.map(function (level) {
        return { id: level.id, label: level.label, met: ticked(level), statements: level.boxes.length };
      }),
      competencies: competencies,
      url: location.href,
    };
  }

  function download() {
    var json = JSON.stringify(exportData(), null, 2) + '\n';
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    link.download = form.getAttribute('data-ladder') + '--' + form.getAttribute('data-track') + '-self-assessment.json';
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  // ── wiring ──────────────────────────────────────────────────────────────────────────────────
  var initial = decode(location.hash);
  if (initial) applyState(initial);
  form.addEventListener('change', function () { save(); render(); });
  form.addEventListener('input', function () { save(); });
  window.addEventListener('hashchange', function () {
    var state = decode(location.hash);
    if (state) applyState(state);
    // Another fragment (a skip link, a hand edit) must not lose the answers: put them back.
    save();
    render();
  });
  form.querySelector('[data-export]').addEventListener('click', download);
  form.querySelector('[data-print]').addEventListener('click', function () { window.print(); });
  form.querySelector('[data-clear]').addEventListener('click', function () {
    if (!window.confirm(say('clear', {}))) return;
    applyState({ ticks: [], notes: {} });
    save();
    render();
  });
  if (share) share.addEventListener('focus', function () { share.select(); });
  Array.prototype.forEach.call(document.querySelectorAll('[data-needs-script]'), function (el) { el.hidden = true; });
  form.querySelector('[data-actions]').hidden = false;
  if (initial || location.hash === '') save();
  else if (share) share.value = location.href;
  render();
})();
