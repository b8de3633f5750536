/** What every part of the web side shares: the error body, JSON answers and the credential type. */
package dev.aiops.rca.adapter.web.support;
