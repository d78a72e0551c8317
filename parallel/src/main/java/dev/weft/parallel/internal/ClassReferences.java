package dev.weft.parallel.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the classes a class file refers to, read from its constant pool: its class
 * entries, and the class names in its descriptors and signatures. What {@link ShippedClasses}
 * follows to find every class a function's code needs.
 *
 * <pre>{@code
 * Set<String> names = ClassReferences.of(bytes);   // "java.lang.Object", "REPL.$JShell$3", ...
 * }</pre>
 */
final class ClassReferences {
    private static final int MAGIC = 0xCAFEBABE;
    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([^;<>()\\[\\].:\\s]+);");

    private ClassReferences() {
    }

    /**
     * Reads the names.
     *
     * @param classFile the bytes of a class file
     * @return the binary names ({@code a.b.C$D}) it refers to, its own included, in constant-pool order
     * @throws IOException if the bytes are not a class file
     */
    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classEntries = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classEntries.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // numbers, references, name-and-type, dynamic
                case 5, 6 -> {
                    in.readLong(); // long and double take two entries
                    i++;
                }
                case 15 -> {
                    in.readUnsignedByte(); // MethodHandle: kind, reference
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (int index : classEntries) {
            String name = index < count ? utf8[index] : null;
            if (name == null) {
                throw new IOException("a class entry points at no name");
            }
            if (name.startsWith("[")) {
                addDescriptorNames(name, names);
            } else {
                names.add(name.replace('/', '.'));
            }
        }
        for (String text : utf8) {
            if (text != null && text.indexOf(';') > 0) {
                addDescriptorNames(text, names);
            }
        }
        return names;
    }

    private static void addDescriptorNames(String descriptor, Set<String> names) {
        Matcher matcher = IN_DESCRIPTOR.matcher(descriptor);
        while (matcher.find()) {
            names.add(matcher.group(1).replace('/', '.'));
        }
    }
}
