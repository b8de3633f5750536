/** Notifier by e-mail over SMTP: one quiet, threaded mail per incident, its resolution and a storm's digest. */
package dev.aiops.rca.adapter.email;
