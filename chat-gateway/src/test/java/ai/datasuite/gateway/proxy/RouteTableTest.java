package ai.datasuite.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ai.datasuite.gateway.config.Upstream;

class RouteTableTest {

    @Test
    void publicPathsGoToTheirService() {
        assertEquals(Optional.of(Upstream.RETRIEVAL), RouteTable.upstreamFor("/api/v1/models/fit_save"));
        assertEquals(Optional.of(Upstream.RETRIEVAL), RouteTable.upstreamFor("/api/v1/datasets"));
        assertEquals(Optional.empty(), RouteTable.upstreamFor("/api/v1/documents/search"));
        assertTrue(RouteTable.isOwn("/api/v1/documents/search"));
        assertTrue(RouteTable.isOwn("/api/v1/notices/n-1"));
        assertTrue(RouteTable.isOwn("/api/upload"));
        assertEquals(Optional.of(Upstream.INGEST), RouteTable.upstreamFor("/api/v1/files/1/content"));
        assertEquals(Optional.of(Upstream.METADATA), RouteTable.upstreamFor("/api/v1/tasks/import"));
        assertEquals(Optional.of(Upstream.INFERENCE), RouteTable.upstreamFor("/api/v1/predict"));
        assertEquals(Optional.of(Upstream.INFERENCE), RouteTable.upstreamFor("/api/v1/comments/stats/chart"));
        assertEquals(Optional.of(Upstream.INFERENCE), RouteTable.upstreamFor("/api/v1/jobs/predict"));
        assertEquals(Optional.of(Upstream.INFERENCE), RouteTable.upstreamFor("/api/v1/classifiers/x/retrain"));
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertEquals(Optional.empty(), RouteTable.upstreamFor("/api/v1/filesystem"));
        assertEquals(Optional.empty(), RouteTable.upstreamFor("/api/v1/predictions"));
        assertEquals(Optional.empty(), RouteTable.upstreamFor("/api/v1"));
        assertEquals(Optional.empty(), RouteTable.upstreamFor("/api/v2/files"));
    }

    @Test
    void theKeysAreTheGatewaysOwnAndNoServicesPath() {
        assertTrue(RouteTable.isOwn("/api/v1/keys"));
        assertTrue(RouteTable.isOwn("/api/v1/keys/lookup/abc"));
        assertFalse(RouteTable.isOwn("/api/v1/keysX"));
        assertEquals(Optional.empty(), RouteTable.upstreamFor("/api/v1/keys"));
    }

    @Test
    void metadataPublishesOnlyItsTasksAndConversations() {
        assertEquals(List.of("/api/v1/tasks", "/api/v1/conversations"), RouteTable.prefixesOf(Upstream.METADATA));
        assertEquals(Optional.of(Upstream.METADATA),
                RouteTable.upstreamFor("/api/v1/conversations/7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d/messages"));
        assertTrue(RouteTable.isOwn("/api/chat"));
        assertEquals(Optional.empty(), RouteTable.upstreamFor("/api/chat"));
        assertEquals(List.of("/api/v1/files"), RouteTable.prefixesOf(Upstream.INGEST));
    }
}
