// Prints the constants of the JDK's internal TLS alert enum sun.security.ssl.Alert as "id<TAB>description"
// (description is the lower_snake name, e.g. handshake_failure). Used by tools/taxonomy/generate.py.
// Run: java --add-opens java.base/sun.security.ssl=ALL-UNNAMED ListTlsAlerts.java
import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;

public class ListTlsAlerts {
    public static void main(String[] args) throws Exception {
        Class<?> alert = Class.forName("sun.security.ssl.Alert");
        Field id = alert.getDeclaredField("id");
        Field description = alert.getDeclaredField("description");
        id.setAccessible(true);
        description.setAccessible(true);
        Map<Integer, String> out = new TreeMap<>();
        for (Object constant : alert.getEnumConstants()) {
            out.put(Byte.toUnsignedInt((Byte) id.get(constant)), (String) description.get(constant));
        }
        StringBuilder sb = new StringBuilder();
        out.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        System.out.print(sb);
    }
}
