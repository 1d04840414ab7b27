package org.backbone.kit.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads what really reached a Kafka topic, for assertions: a consumer in a group of its own that
 * starts at the end of the topic when {@link #subscribe} returns (it awaits its assignment), so it
 * sees exactly what is produced afterwards.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();

    private KafkaProbe(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public static String bootstrap() {
        return System.getenv().getOrDefault("KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    }

    /** Subscribes and returns once partitions are assigned and positioned at the end. */
    public static KafkaProbe subscribeAt(String bootstrap, String... topics) {
        KafkaProbe probe = new KafkaProbe(bootstrap);
        probe.consumer.subscribe(List.of(topics));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (probe.consumer.assignment().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no partition assignment for " + List.of(topics));
            }
            probe.consumer.poll(Duration.ofMillis(100));
        }
        probe.consumer.assignment().forEach(probe.consumer::position);
        return probe;
    }

    public static KafkaProbe subscribe(String... topics) {
        return subscribeAt(bootstrap(), topics);
    }

    /** Polls once and returns everything received so far that matches. */
    public List<ConsumerRecord<String, byte[]>> received(Predicate<ConsumerRecord<String, byte[]>> filter) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        return new ArrayList<>(received.stream().filter(filter).toList());
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(properties(bootstrap), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A producer that holds what it is given until {@code flush()}, then sends each partition's records as
     * one batch: they are appended together, so a consumer's next poll gets all of them at once.
     */
    public static KafkaProducer<String, byte[]> batchingProducer(String bootstrap) {
        Properties properties = properties(bootstrap);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static Properties properties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }

    public static ProducerRecord<String, byte[]> record(String topic, String key, String value, String... headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
