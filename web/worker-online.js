// @ts-check
// The ONLINE ClearBadge worker: the same code as worker.js, loaded from this
// URL so that it keeps its network access and so that a server can give it a
// Content-Security-Policy of its own (cmd/serve: connect-src 'self' https:).
'use strict';
importScripts('worker.js');
