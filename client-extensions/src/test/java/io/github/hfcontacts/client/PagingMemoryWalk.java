package io.github.hfcontacts.client;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.net.httpserver.HttpServer;
import io.github.hfcontacts.openapi.model.Contact;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Walks {@code contacts().list()} over a loopback server that generates {@code args[0]} contacts
 * (50 per page, each about 1.5 KB of JSON), and prints how much heap the walk needed. Run in its own
 * JVM by {@link PagingMemoryTest}, under a small {@code -Xmx}.
 *
 * <p>Measured inside this JVM: the live heap (used heap right after a full collection, requested
 * every 1,000 contacts while the iterator holds a page) and, from GC notifications, the most heap in
 * use before and after any collection.
 */
final class PagingMemoryWalk {
  private static final Pattern PAGE = Pattern.compile("[?&]page=(\\d+)");
  private static final AtomicLong MAX_BEFORE_GC = new AtomicLong();
  private static final AtomicLong MAX_AFTER_GC = new AtomicLong();
  private static final AtomicLong GC_COUNT = new AtomicLong();

  private PagingMemoryWalk() {}

  public static void main(String[] args) throws Exception {
    int total = Integer.parseInt(args[0]);
    int pageCount = (total + 49) / 50;
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", exchange -> {
      Matcher page = PAGE.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
      int number = page.find() ? Integer.parseInt(page.group(1)) : 1;
      byte[] body = page(number, pageCount, total).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    watchCollections();
    long contacts = 0;
    long idSum = 0;
    long maxLive = 0;
    try (HappyFoxClient client = HappyFoxClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/")
        .allowInsecureHttpForLoopback()
        .credentials("memory-test-key", "memory-test-code")
        .rateLimits(RateLimits.unlimited())
        .build()) {
      for (Contact contact : client.contacts().list()) {
        contacts++;
        idSum += contact.getId();
        if (contacts % 1000 == 500) {
          System.gc();
          maxLive = Math.max(maxLive, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
      }
    } finally {
      server.stop(0);
    }
    System.out.println("contacts=" + contacts + " idSum=" + idSum + " pages=" + pageCount
        + " maxHeap=" + Runtime.getRuntime().maxMemory()
        + " liveHeapPeak=" + maxLive
        + " heapPeakBeforeGc=" + MAX_BEFORE_GC.get()
        + " heapPeakAfterGc=" + MAX_AFTER_GC.get()
        + " collections=" + GC_COUNT.get());
  }

  private static void watchCollections() {
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getName)
        .collect(Collectors.toSet());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GC_COUNT.incrementAndGet();
        MAX_BEFORE_GC.accumulateAndGet(used(info.getGcInfo().getMemoryUsageBeforeGc(), heapPools), Math::max);
        MAX_AFTER_GC.accumulateAndGet(used(info.getGcInfo().getMemoryUsageAfterGc(), heapPools), Math::max);
      }, null, null);
    }
  }

  /** Heap in use: the sum over the heap's pools (not metaspace or the code cache). */
  private static long used(Map<String, MemoryUsage> pools, Set<String> heapPools) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    return used;
  }

  static String page(int number, int pageCount, int total) {
    StringBuilder json = new StringBuilder(80_000);
    int first = (number - 1) * 50 + 1;
    int last = Math.min(total, first + 49);
    json.append("{\"page_info\":{\"count\":").append(Math.max(0, last - first + 1))
        .append(",\"page_count\":").append(pageCount)
        .append(",\"start_index\":").append(first).append(",\"end_index\":").append(last)
        .append(",\"last_index\":").append(total).append("},\"data\":[");
    for (int id = first; id <= last; id++) {
      if (id > first) {
        json.append(',');
      }
      contact(json, id);
    }
    return json.append("]}").toString();
  }

  private static void contact(StringBuilder json, int id) {
    json.append("{\"id\":").append(id)
        .append(",\"name\":\"Contact Number ").append(id)
        .append("\",\"email\":\"contact.").append(id).append("@example.com\"")
        .append(",\"primary_phone\":{\"id\":").append(id * 2L).append(",\"type\":\"mo\",\"number\":\"+1 555 0100 ")
        .append(id).append("\"},\"phones\":[{\"id\":").append(id * 2L)
        .append(",\"type\":\"mo\",\"number\":\"+1 555 0100 ").append(id).append("\"},{\"id\":").append(id * 2L + 1)
        .append(",\"type\":\"w\",\"number\":\"+1 555 0199 ").append(id).append("\"}]")
        .append(",\"created_at\":\"2025-03-14T09:26:53Z\",\"updated_at\":\"2026-01-02T10:11:12Z\"")
        .append(",\"pending_tickets_count\":").append(id % 3).append(",\"tickets_count\":").append(id % 17)
        .append(",\"contact_groups\":[{\"id\":7,\"name\":\"Enterprise customers\",\"description\":\"Accounts on the")
        .append(" enterprise plan\",\"tagged_domains\":\"example.com,example.org\",\"access_all_tickets_in_group\":true}]")
        .append(",\"custom_fields\":[")
        .append("{\"id\":1,\"name\":\"Customer since\",\"type\":\"date\",\"value\":\"2021-06-01\",\"value_id\":null,")
        .append("\"visible_to_staff_only\":false},")
        .append("{\"id\":4,\"name\":\"Region\",\"type\":\"choice\",\"value\":\"Europe\",\"value_id\":3,")
        .append("\"visible_to_staff_only\":false},")
        .append("{\"id\":5,\"name\":\"Markets\",\"type\":\"multiple_choice\",\"value\":\"APAC, Europe\",\"value_id\":[3,2],")
        .append("\"visible_to_staff_only\":true},")
        .append("{\"id\":6,\"name\":\"Annual revenue\",\"type\":\"number\",\"value\":125000.50,\"value_id\":null,")
        .append("\"visible_to_staff_only\":true}]")
        .append(",\"is_login_enabled\":\"TRUE\"}");
  }

}
