package dev.aiops.rca.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedApiKeyTest {

  @TempDir
  Path data;

  @Test
  void should_make_a_key_once_and_read_the_same_key_afterwards() {
    GeneratedApiKey first = GeneratedApiKey.loadOrCreate(data.resolve("nested"));
    GeneratedApiKey second = GeneratedApiKey.loadOrCreate(data.resolve("nested"));

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.key()).isEqualTo(first.key());
    assertThat(first.key().reveal()).startsWith("rca_").hasSizeGreaterThan(40);
  }

  @Test
  void should_keep_the_key_readable_by_its_owner_only() throws Exception {
    GeneratedApiKey key = GeneratedApiKey.loadOrCreate(data);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file()))).isEqualTo("rw-------");
    try (var files = Files.list(data)) {
      assertThat(files).containsExactly(key.file());
    }
  }

  @Test
  void should_agree_on_one_key_when_replicas_start_together() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<GeneratedApiKey>> starts = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        starts.add(() -> GeneratedApiKey.loadOrCreate(data));
      }
      List<GeneratedApiKey> keys = new ArrayList<>();
      for (Future<GeneratedApiKey> f : pool.invokeAll(starts)) {
        keys.add(f.get());
      }
      assertThat(keys).extracting(GeneratedApiKey::key).containsOnly(keys.get(0).key());
      assertThat(keys).filteredOn(GeneratedApiKey::created).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
