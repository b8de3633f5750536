// Prints every public subclass of java.lang.Throwable, in exported packages of the given JDK modules,
// as "binaryName<TAB>directSuperclassBinaryName", sorted. Used by tools/taxonomy/generate.py.
// Run with the single-file source launcher:  java ListThrowables.java java.base java.sql ...
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

public class ListThrowables {
    public static void main(String[] args) throws Exception {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Map<String, String> out = new TreeMap<>();
        for (String moduleName : args) {
            Module module = ModuleLayer.boot().findModule(moduleName)
                    .orElseThrow(() -> new IllegalArgumentException("no module " + moduleName));
            Path root = jrt.getPath("/modules", moduleName);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String rel = root.relativize(p).toString();
                    if (!rel.endsWith(".class") || rel.equals("module-info.class")) {
                        continue;
                    }
                    String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                    int dot = name.lastIndexOf('.');
                    if (dot < 0 || !module.isExported(name.substring(0, dot))) {
                        continue;
                    }
                    Class<?> c;
                    try {
                        c = Class.forName(name, false, ClassLoader.getSystemClassLoader());
                    } catch (Throwable t) {
                        continue;
                    }
                    if (!Throwable.class.isAssignableFrom(c) || !Modifier.isPublic(c.getModifiers())) {
                        continue;
                    }
                    // nested classes must be reachable: every enclosing class public as well
                    boolean reachable = true;
                    for (Class<?> e = c.getEnclosingClass(); e != null; e = e.getEnclosingClass()) {
                        reachable &= Modifier.isPublic(e.getModifiers());
                    }
                    if (!reachable) {
                        continue;
                    }
                    Class<?> sup = c.getSuperclass();
                    out.put(c.getName(), sup == null ? "" : sup.getName());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        out.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        System.out.print(sb);
    }
}
