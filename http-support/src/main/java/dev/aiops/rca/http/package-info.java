/** HTTP plumbing shared by the REST adapters; vendor wording stays in each adapter. */
package dev.aiops.rca.http;
