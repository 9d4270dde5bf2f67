// The two-step script tag's module runtime, wrapped around each file rollup writes in AMD format (see
// rollup.config.mjs): the first file (`handoff-panel.js`) defines what every CRM page needs, and loads the
// panel's file when it is first needed. It is a private AMD `define`/`require`, never the page's: CRM
// pages often carry RequireJS, and ours must neither use nor disturb it.
//
// Kept to what rollup's AMD output uses: `define(deps, factory)` with 'exports', 'require' and relative
// ids, and `require([id], ok, fail)` for dynamic imports. One instance per page, shared by every copy of
// the SDK under a registered symbol (not a window property); modules are keyed by absolute URL, and
// file names carry a content hash, so two versions on one page never mix their files.
// prettier-ignore
// eslint-disable-next-line no-unused-vars -- read by the wrapper (build/rollup-plugins.mjs)
var handoffAmd = (function () {
  var KEY = Symbol.for('handoff-panel:amd');
  if (globalThis[KEY]) return globalThis[KEY];
  /** id (absolute URL without ".js") -> { promise, resolve, reject, exports?, defined } */
  var modules = new Map();
  /** The folders the SDK's first files came from: the only places the policy lets scripts load from. */
  var folders = new Set();
  var policy;

  function entry(id) {
    var found = modules.get(id);
    if (!found) {
      found = {};
      found.promise = new Promise(function (resolve, reject) {
        found.resolve = resolve;
        found.reject = reject;
      });
      // A rejection nobody awaits yet must not surface as "unhandled": load() callers see it.
      found.promise.catch(function () {});
      modules.set(id, found);
    }
    return found;
  }

  function idOf(script) {
    return script.src.replace(/[?#].*$/, '').replace(/\.js$/, '');
  }

  /**
   * A script URL that Trusted Types accept: through the `handoff-panel` policy, which lets through only
   * files in the folder an SDK first file came from. Without a `trusted-types` directive that allows the
   * name, a plain string is tried (it works where Trusted Types are not enforced).
   */
  function scriptUrl(url) {
    var tt = globalThis.trustedTypes;
    if (!tt || !tt.createPolicy) return url;
    if (policy === undefined) {
      // One runtime per page (see KEY), so one policy; it stays in this closure, no page script reaches it.
      try {
        policy = tt.createPolicy('handoff-panel', {
          createScriptURL: function (candidate) {
            // Parsed, not string-matched: no query or hash, a normalised folder, one of our file names.
            var parsed = new URL(candidate, document.baseURI);
            var name = parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1);
            var folder = parsed.origin + parsed.pathname.slice(0, parsed.pathname.length - name.length);
            if (!parsed.search && !parsed.hash && folders.has(folder) && /^handoff-panel\.[\w-]+\.js$/.test(name))
              return parsed.href;
            throw new TypeError('handoff-panel: ' + candidate + ' is not one of the SDK\'s own files.');
          },
        });
      } catch {
        policy = null;
      }
    }
    return policy ? policy.createScriptURL(url) : url;
  }

  function inject(id, found, nonce) {
    var script = document.createElement('script');
    var url = id + '.js';
    try {
      script.src = scriptUrl(url);
    } catch (error) {
      modules.delete(id);
      found.reject(new Error(
        'handoff-panel: Trusted Types refused to load ' + url + '; add handoff-panel to the page\'s ' +
        'trusted-types directive, next to lit-html (' + error.message + ').'));
      return;
    }
    if (nonce) script.nonce = nonce;
    script.async = true;
    script.onload = function () {
      script.remove();
      if (!found.defined) fail(id, found, url + ' loaded but defined nothing: is it the file this version of handoff-panel wrote?');
    };
    script.onerror = function () {
      script.remove();
      fail(id, found, url + ' could not be loaded (offline, blocked by the Content-Security-Policy, or not deployed beside handoff-panel.js?)');
    };
    document.head.appendChild(script);
  }

  function fail(id, found, message) {
    // Forgotten, so that the next require() (the launcher's "Try again") downloads it again.
    modules.delete(id);
    found.reject(new Error('handoff-panel: ' + message));
  }

  function load(id, nonce) {
    var known = modules.has(id);
    var found = entry(id);
    if (!known) inject(id, found, nonce);
    return found.promise;
  }

  function requireFrom(base, nonce) {
    return function (ids, ok, failed) {
      Promise.all(ids.map(function (dep) { return load(new URL(dep, base + '.js').href.replace(/\.js$/, ''), nonce); }))
        .then(function (values) { ok.apply(null, values); }, failed);
    };
  }

  /** Runs a file's factory once its dependencies are there: at once (synchronously) when they already are. */
  function define(deps, factory) {
    var script = document.currentScript;
    if (!script || !script.src) throw new Error('handoff-panel: load handoff-panel.js with a <script src> tag.');
    var id = idOf(script);
    var found = entry(id);
    var nonce = script.nonce;
    folders.add(id.slice(0, id.lastIndexOf('/') + 1));
    found.defined = true;
    var exports = {};
    var values = [];
    var missing = [];
    deps.forEach(function (dep, index) {
      if (dep === 'exports') values[index] = exports;
      else if (dep === 'require') values[index] = requireFrom(id, nonce);
      else {
        var depId = new URL(dep, id + '.js').href.replace(/\.js$/, '');
        var known = modules.get(depId);
        if (known && known.exports) values[index] = known.exports;
        else missing.push(load(depId, nonce).then(function (value) { values[index] = value; }));
      }
    });
    var run = function () {
      try {
        factory.apply(null, values);
      } catch (error) {
        fail(id, found, 'a file failed to run: ' + error.message);
        throw error;
      }
      // The same file run twice (a second identical tag): its modules stay the first run's, which the
      // other files link to; the second run only warns that it is not used (src/bundle.ts).
      if (!found.exports) {
        found.exports = exports;
        found.resolve(exports);
      }
    };
    var failed = function (error) {
      fail(id, found, error.message.replace(/^handoff-panel: /, ''));
    };
    if (!missing.length) run();
    else Promise.all(missing).then(run).catch(failed);
  }

  return (globalThis[KEY] = { define: define });
})();
