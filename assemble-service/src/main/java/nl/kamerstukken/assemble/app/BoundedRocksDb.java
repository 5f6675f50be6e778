package nl.kamerstukken.assemble.app;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB state store of this JVM together: one block cache and one
 * write-buffer manager shared by all stores (Kafka Streams' documented recipe), sized by {@code
 * ASSEMBLE_ROCKSDB_MEMORY}. Without it each of the assembly's stores takes RocksDB's defaults (tens
 * of MB each), too much beside several JVMs on a small machine.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

  /** The budget in bytes, passed in the Streams configuration. */
  public static final String MEMORY_CONFIG = "kamerstukken.rocksdb.memory.bytes";

  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    long budget = Long.parseLong(String.valueOf(configs.get(MEMORY_CONFIG)));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache(budget));
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    table.setBlockSize(16 * 1024L);
    options.setWriteBufferManager(writeBuffers(budget));
    options.setWriteBufferSize(Math.max(1L << 20, budget / 8));
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  private static synchronized Cache cache(long budget) {
    if (cache == null) {
      cache = new LRUCache(budget, -1, false, 0.1);
    }
    return cache;
  }

  private static synchronized WriteBufferManager writeBuffers(long budget) {
    if (writeBuffers == null) {
      writeBuffers = new WriteBufferManager(budget / 2, cache(budget));
    }
    return writeBuffers;
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the manager are shared by every store of the JVM: never closed per store.
  }
}
