package dev.chipflow.spark;

import dev.chipflow.supply.TraceEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a replication's result into bytes on an executor and back on the driver, bit for bit.
 *
 * <p>The model's results ({@link dev.chipflow.supply.SupplyResult} and the records it holds) are records that are not
 * {@link Serializable}, and sim-core stays free of anything Spark needs, so records are written component by component
 * through reflection: numbers as their exact bits (a NaN lead time stays the same NaN), arrays, strings, nested records
 * and lists of records; a component of a type variable (the results of a {@link dev.chipflow.experiment.Paired}
 * model) as a nested result of its own class. Lists of {@link TraceEvent} are never written: the per-event trace stays
 * on the executor and arrives as an empty list, so what travels is the per-replication summary (scalars, per-firm
 * counts, daily series).
 * Any other {@link Serializable} result goes through Java serialization.
 */
final class ResultCodec {

    private static final byte RECORD = 1;
    private static final byte JAVA = 2;

    /**
     * A record class's components, accessors, constructor and the components' names for messages
     * ({@code Record.component}), looked up once per class rather than per result.
     */
    private record Shape(RecordComponent[] components, java.lang.reflect.Method[] accessors, Type[] types,
            String[] where, Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> cls) {
            RecordComponent[] cs = cls.getRecordComponents();
            java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[cs.length];
            Type[] types = new Type[cs.length];
            String[] where = new String[cs.length];
            Class<?>[] raw = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                accessors[i] = cs[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = cs[i].getGenericType();
                where[i] = cls.getSimpleName() + "." + cs[i].getName();
                raw[i] = cs[i].getType();
            }
            try {
                Constructor<?> k = cls.getDeclaredConstructor(raw);
                k.setAccessible(true);
                return new Shape(cs, accessors, types, where, k);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + cls.getName(), e);
            }
        }
    };

    private ResultCodec() {
    }

    /**
     * @param result a replication's result: a record of supported components, or Serializable
     * @return its bytes
     * @throws IllegalArgumentException if the result can travel neither way
     */
    static byte[] encode(Object result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (result instanceof Record r && !(result instanceof Serializable)) {
                out.writeByte(RECORD);
                out.writeUTF(r.getClass().getName());
                writeRecord(out, r);
            } else if (result instanceof Serializable) {
                out.writeByte(JAVA);
                try (ObjectOutputStream o = new ObjectOutputStream(out)) {
                    o.writeObject(result);
                }
            } else {
                throw new IllegalArgumentException("a result of type " + (result == null ? "null"
                        : result.getClass().getName()) + " cannot travel back from a Spark executor: make it a "
                        + "record or Serializable");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param data what {@link #encode} wrote
     * @return the result, equal to the one encoded
     */
    static Object decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte kind = in.readByte();
            if (kind == JAVA) {
                return javaObject(in);
            }
            return readRecord(in, Class.forName(in.readUTF(), true, loader()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a result's class is missing on the driver: " + e.getMessage(), e);
        }
    }

    /** Reads one Java-serialized object, resolving classes in the loader that holds chipflow's classes. */
    static Object javaObject(InputStream in) throws IOException, ClassNotFoundException {
        try (ObjectInputStream o = new ObjectInputStream(in) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return o.readObject();
        }
    }

    /** Under spark-submit the application's classes are in the context loader, not this class's parent. */
    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ResultCodec.class.getClassLoader();
    }

    private static void writeRecord(DataOutputStream out, Record r) throws IOException {
        Shape shape = SHAPES.get(r.getClass());
        for (int i = 0; i < shape.accessors().length; i++) {
            Object v;
            try {
                v = shape.accessors()[i].invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + shape.components()[i].getName() + " of "
                        + r.getClass().getName(), e);
            }
            write(out, shape.types()[i], v, shape.where()[i]);
        }
    }

    private static void write(DataOutputStream out, Type type, Object v, String where) throws IOException {
        if (type instanceof TypeVariable<?>) {
            // A generic component (Paired.Results' two results): its class is known only from the value.
            byte[] nested = encode(v);
            out.writeInt(nested.length);
            out.write(nested);
            return;
        }
        Class<?> cls = raw(type);
        if (cls == double.class) {
            out.writeLong(Double.doubleToRawLongBits((Double) v));
        } else if (cls == long.class) {
            out.writeLong((Long) v);
        } else if (cls == int.class) {
            out.writeInt((Integer) v);
        } else if (cls == boolean.class) {
            out.writeBoolean((Boolean) v);
        } else if (cls == String.class) {
            out.writeBoolean(v != null);
            if (v != null) {
                out.writeUTF((String) v);
            }
        } else if (cls == double[].class) {
            writeRuns(out, (double[]) v);
        } else if (cls == long[].class) {
            long[] a = (long[]) v;
            out.writeInt(a.length);
            ByteBuffer b = ByteBuffer.allocate(8 * a.length);
            b.asLongBuffer().put(a);
            out.write(b.array());
        } else if (cls == double[][].class) {
            double[][] a = (double[][]) v;
            out.writeInt(a.length);
            for (double[] row : a) {
                write(out, double[].class, row, where);
            }
        } else if (cls.isRecord()) {
            writeRecord(out, (Record) v);
        } else if (cls == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            if (element == TraceEvent.class) {
                return;
            }
            List<?> list = (List<?>) v;
            out.writeInt(list.size());
            for (Object x : list) {
                write(out, element, x, where);
            }
        } else {
            throw new IllegalArgumentException(where + " of type " + type.getTypeName()
                    + " cannot travel back from a Spark executor");
        }
    }

    private static Object readRecord(DataInputStream in, Class<?> cls) throws IOException {
        Shape shape = SHAPES.get(cls);
        Object[] args = new Object[shape.types().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = read(in, shape.types()[i]);
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild a " + cls.getName() + " on the driver", e);
        }
    }

    private static Object read(DataInputStream in, Type type) throws IOException {
        if (type instanceof TypeVariable<?>) {
            return decode(in.readNBytes(in.readInt()));
        }
        Class<?> cls = raw(type);
        if (cls == double.class) {
            return Double.longBitsToDouble(in.readLong());
        } else if (cls == long.class) {
            return in.readLong();
        } else if (cls == int.class) {
            return in.readInt();
        } else if (cls == boolean.class) {
            return in.readBoolean();
        } else if (cls == String.class) {
            return in.readBoolean() ? in.readUTF() : null;
        } else if (cls == double[].class) {
            return readRuns(in);
        } else if (cls == long[].class) {
            long[] a = new long[in.readInt()];
            ByteBuffer.wrap(in.readNBytes(8 * a.length)).asLongBuffer().get(a);
            return a;
        } else if (cls == double[][].class) {
            double[][] a = new double[in.readInt()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = (double[]) read(in, double[].class);
            }
            return a;
        } else if (cls.isRecord()) {
            return readRecord(in, cls);
        }
        // A list (write accepts nothing else): trace events were never written.
        Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
        if (element == TraceEvent.class) {
            return List.of();
        }
        int n = in.readInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(read(in, element));
        }
        return list;
    }

    /**
     * A double array as runs of equal values (exact bits): the daily series are most of a result, and most of them
     * hold still for days (cumulative deliveries, the lab queue), so a year of them, 40 kB as plain doubles, is a
     * few kB as runs; less to encode, send and decode than the model took to run.
     */
    private static void writeRuns(DataOutputStream out, double[] a) throws IOException {
        writeVarint(out, a.length);
        int i = 0;
        while (i < a.length) {
            long bits = Double.doubleToRawLongBits(a[i]);
            int j = i + 1;
            while (j < a.length && Double.doubleToRawLongBits(a[j]) == bits) {
                j++;
            }
            writeVarint(out, j - i);
            out.writeLong(bits);
            i = j;
        }
    }

    private static double[] readRuns(DataInputStream in) throws IOException {
        double[] a = new double[readVarint(in)];
        int i = 0;
        while (i < a.length) {
            int n = readVarint(in);
            java.util.Arrays.fill(a, i, i + n, Double.longBitsToDouble(in.readLong()));
            i += n;
        }
        return a;
    }

    /** 7 bits a byte, low first: a run of under 128 days takes one byte. */
    private static void writeVarint(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.readByte();
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }
}
