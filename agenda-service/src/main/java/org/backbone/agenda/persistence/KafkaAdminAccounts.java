package org.backbone.agenda.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.backbone.contracts.Topics;
import org.backbone.kit.events.KafkaSecurity;

/** Partner accounts through Kafka's admin API, as this service's own (super) user: SCRAM credentials, ACLs, the topic. */
public class KafkaAdminAccounts implements PartnerKafkaAccounts, AutoCloseable {

    private static final int ITERATIONS = 8192;
    private static final List<AclOperation> ALLOWED = List.of(AclOperation.WRITE, AclOperation.DESCRIBE);

    private final Admin admin;

    public KafkaAdminAccounts(String bootstrap) {
        Map<String, Object> properties = new HashMap<>(KafkaSecurity.properties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        this.admin = Admin.create(properties);
    }

    @Override
    public void upsert(UUID organisation, String password) {
        String user = PartnerKafkaAccounts.username(organisation);
        await(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password))).all());
        ResourcePattern prefix = new ResourcePattern(ResourceType.TOPIC, Topics.partnerPrefix(organisation),
                PatternType.PREFIXED);
        await(admin.createAcls(ALLOWED.stream().map(op -> new AclBinding(prefix,
                new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW))).toList()).all());
        try {
            await(admin.createTopics(List.of(new NewTopic(Topics.partnerMeasurements(organisation),
                    Optional.empty(), Optional.empty()))).all());
        } catch (Unavailable e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        settle(organisation, true);
    }

    /**
     * Waits (a few seconds at most) until the brokers' metadata shows the login as wanted: the API
     * answers after the change holds, so a partner can connect at once and a revoked one cannot.
     */
    private void settle(UUID organisation, boolean present) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (exists(organisation) != present) {
            if (System.nanoTime() > deadline) {
                throw new Unavailable("Kafka did not apply the change in time", null);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Override
    public boolean revoke(UUID organisation) {
        String user = PartnerKafkaAccounts.username(organisation);
        boolean existed = exists(organisation);
        if (existed) {
            await(admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512)))
                    .all());
        }
        await(admin.deleteAcls(List.of(new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter("User:" + user, null, AclOperation.ANY, AclPermissionType.ANY)))).all());
        settle(organisation, false);
        return existed;
    }

    @Override
    public boolean exists(UUID organisation) {
        try {
            // a deleted login may still be described, without credentials
            return await(admin.describeUserScramCredentials(List.of(PartnerKafkaAccounts.username(organisation))).all())
                    .values().stream().anyMatch(d -> !d.credentialInfos().isEmpty());
        } catch (Unavailable e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new Unavailable("Kafka refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new Unavailable("Kafka did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }
}
