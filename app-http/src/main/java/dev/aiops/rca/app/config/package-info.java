/** Configuration from environment variables and an optional .env file, checked once at start-up. */
package dev.aiops.rca.app.config;
