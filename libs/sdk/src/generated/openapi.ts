// Generated from the gateway's OpenAPI document by `npm run sdk:generate` (tools/sdk/). Do not edit by hand:
// a test fails when this file and the document differ.

export interface paths {
    "/admin/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List organizations */
        get: operations["getAdminV1Organizations"];
        put?: never;
        /** Create an organization and its first key */
        post: operations["postAdminV1Organizations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an organization */
        get: operations["getAdminV1OrganizationsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename an organization, change its plan or override its rate limits */
        patch: operations["patchAdminV1OrganizationsId"];
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/{organization}/{mode}/{content_id}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a media file through the signed link a content item or a media job carries (expires; read the item again for a fresh one) */
        get: operations["getMediaOrganizationModeContentIdFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OpenAPI 3.1 document */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/published/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public page of a post published by the local publisher */
        get: operations["getPublishedId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness of the database and every service */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/review/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review page of a review link: each item as it will appear, with approve and reject (no API key: the token is the credential) */
        get: operations["getReviewToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/review/{token}/items/{content_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve one item of a review link, with an optional comment (no API key: the token is the credential) */
        post: operations["postReviewTokenItemsContentIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/review/{token}/items/{content_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject one item of a review link, with an optional comment (no API key: the token is the credential) */
        post: operations["postReviewTokenItemsContentIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List and search agents */
        get: operations["getV1Agents"];
        put?: never;
        /** Build an agent (asynchronous training) */
        post: operations["postV1Agents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agent_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate content with an agent (201 with the item, or Server-Sent Events with stream: true / Accept: text/event-stream) */
        post: operations["postV1AgentsAgentIdContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agent_id}/content/{content_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve one of the agent’s items */
        post: operations["postV1AgentsAgentIdContentContentIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agent_id}/content/{content_id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate one of the agent’s items again */
        post: operations["postV1AgentsAgentIdContentContentIdRegenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agent_id}/content/{content_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject one of the agent’s items */
        post: operations["postV1AgentsAgentIdContentContentIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an agent */
        get: operations["getV1AgentsId"];
        put?: never;
        post?: never;
        /** Delete an own agent */
        delete: operations["deleteV1AgentsId"];
        options?: never;
        head?: never;
        /** Update an own agent (merge patch) */
        patch: operations["patchV1AgentsId"];
        trace?: never;
    };
    "/v1/analytics/agents/{agent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agent report (the organization's campaigns run by the agent), in the campaign report's shape */
        get: operations["getV1AnalyticsAgentsAgentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/campaigns/{campaign_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaign report: summary, rates and ROI, breakdowns by language and platform, a day timeseries and top content */
        get: operations["getV1AnalyticsCampaignsCampaignId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export raw events (csv or json) as a job; its result holds a download link that expires after 1 hour */
        post: operations["postV1AnalyticsExports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a finished export (the signed link in its job result; expires after 1 hour) */
        get: operations["getV1AnalyticsExportsIdDownload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organization overview in the campaign report's shape */
        get: operations["getV1AnalyticsOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (without tokens) */
        get: operations["getV1ApiKeys"];
        put?: never;
        /** Create an API key (token shown once) */
        post: operations["postV1ApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API key (without its token) */
        get: operations["getV1ApiKeysId"];
        put?: never;
        post?: never;
        /** Revoke an API key at once */
        delete: operations["deleteV1ApiKeysId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns with a performance summary */
        get: operations["getV1Campaigns"];
        put?: never;
        /** Create a campaign */
        post: operations["postV1Campaigns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a campaign */
        get: operations["getV1CampaignsId"];
        put?: never;
        post?: never;
        /** Cancel a campaign (as POST …/cancel; repeating it answers the cancelled campaign again) */
        delete: operations["deleteV1CampaignsId"];
        options?: never;
        head?: never;
        /** Update name, config (merge) or budget */
        patch: operations["patchV1CampaignsId"];
        trace?: never;
    };
    "/v1/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a campaign: billing stops at once */
        post: operations["postV1CampaignsIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause an active campaign */
        post: operations["postV1CampaignsIdPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign */
        post: operations["postV1CampaignsIdResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate the campaign’s next piece live (Server-Sent Events) */
        post: operations["postV1CampaignsIdStream"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The content queue, newest first: filter by status, agent, campaign, platform, created_after/created_before and scheduled_after/scheduled_before (after inclusive, before exclusive) */
        get: operations["getV1Content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a content item with its history */
        get: operations["getV1ContentId"];
        put?: never;
        post?: never;
        /** Delete a content item (a repeat answers like the first; unpublish a published item first) */
        delete: operations["deleteV1ContentId"];
        options?: never;
        head?: never;
        /** Edit caption, hashtags, CTA, body or scheduled_at (platform limits checked again; not once published) */
        patch: operations["patchV1ContentId"];
        trace?: never;
    };
    "/v1/content/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve an item (one with a future scheduled_at becomes scheduled) */
        post: operations["postV1ContentIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a post image for an item (its caption on a card in the agent’s look, with its disclosures): 202 with the item and the job */
        post: operations["postV1ContentIdMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/media/{index}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve one media attachment */
        post: operations["postV1ContentIdMediaIndexApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/media/{index}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject one media attachment */
        post: operations["postV1ContentIdMediaIndexReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish an approved item now, or schedule it for `at` (a refusal by the platform leaves it publish_failed) */
        post: operations["postV1ContentIdPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/publish/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a refused publication again now */
        post: operations["postV1ContentIdPublishRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/publish/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the item’s publication stands */
        get: operations["getV1ContentIdPublishStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate the item again (same id, history kept; spend and compliance as for a new piece) */
        post: operations["postV1ContentIdRegenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject an item, with an optional reason */
        post: operations["postV1ContentIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scheduled publish or pull a published item (back to approved) */
        post: operations["postV1ContentIdUnpublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an item’s caption variants */
        get: operations["getV1ContentIdVariants"];
        put?: never;
        /** Write 2–3 caption variants (story-led, question-led, cta-led, punchy); replaces the item’s previous variants */
        post: operations["postV1ContentIdVariants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/variants/{idx}/select": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Copy a variant into the item’s caption (locked after publish) */
        put: operations["putV1ContentIdVariantsIdxSelect"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render up to 100 videos from a CSV (script, platform, voice, language, …): every row is checked first, then one job per row. Send JSON with the CSV in `csv`, or the CSV itself as text/csv with the other fields in the query */
        post: operations["postV1ContentBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/bulk/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bulk batch: per-row status, progress and video link */
        get: operations["getV1ContentBulkId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items going out (or gone out) per day: pending review, approved, scheduled and published, with per-day counts (at most 62 days) */
        get: operations["getV1ContentCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/generate-week": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan and generate a week of content for an agent (202 with the job; poll GET /v1/jobs/{id}) */
        post: operations["postV1ContentGenerateWeek"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/review-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an expiring review link for chosen items or an agent’s planned week (the url is shown once) */
        post: operations["postV1ContentReviewLinks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/review-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a review link (its page answers 404 at once) */
        delete: operations["deleteV1ContentReviewLinksId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/video/{id}/continue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Continue a stopped render: its credits are held again and it is queued */
        post: operations["postV1ContentVideoIdContinue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/video/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A video’s render: status, progress through its steps, and once done the signed links to the video, captions and speech */
        get: operations["getV1ContentVideoIdStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/video/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a queued or running render: the work stops and its held credits are refunded (continue resumes it) */
        post: operations["postV1ContentVideoIdStop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/video/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a short video (script, voice, burned-in captions, disclosure) for an agent: 202 with the content item and its job */
        post: operations["postV1ContentVideoGenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest up to 1,000 measured events (idempotent by event id); a lead emits lead.captured */
        post: operations["postV1Events"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stream the organization's events live (Server-Sent Events; resume with Last-Event-ID) */
        get: operations["getV1EventsStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a job: status, progress 0..100, result (what it made so far, final once it ended) and error */
        get: operations["getV1JobsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a queued or running job (it stops at its next item; what it made stays). A finished job is 409 */
        post: operations["postV1JobsIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: operations["getV1Webhooks"];
        put?: never;
        /** Create a webhook endpoint (its signing secret is in this answer only) */
        post: operations["postV1Webhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["getV1WebhooksId"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint (nothing more is delivered to it; repeating it answers the same) */
        delete: operations["deleteV1WebhooksId"];
        options?: never;
        head?: never;
        /** Update url, events, description, rate limit, or enable/disable an endpoint */
        patch: operations["patchV1WebhooksId"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an endpoint’s deliveries, newest first, optionally by status (pending, succeeded, failed) */
        get: operations["getV1WebhooksIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a delivery with every attempt (status code, latency, response snippet, error, address) */
        get: operations["getV1WebhooksIdDeliveriesDeliveryId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a failed (or resend a succeeded) delivery once more now, with the same webhook-id; a pending one is 409 */
        post: operations["postV1WebhooksIdDeliveriesDeliveryIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the previous one keeps signing beside it for 24 hours (the new secret is in this answer only) */
        post: operations["postV1WebhooksIdRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to this endpoint only (tried once); answers the pending delivery */
        post: operations["postV1WebhooksIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Agent: {
            capabilities: {
                content_types: string[];
                languages: number;
                real_time_streaming: boolean;
                tone_modes: string[];
            };
            /** @enum {string} */
            category: "automotive" | "fashion_lifestyle" | "sustainable_fashion" | "beauty" | "fitness" | "food" | "travel" | "tech" | "finance" | "gaming" | "health_wellness" | "home_living" | "parenting" | "sports" | "music" | "education" | "pets" | "entertainment";
            /** Format: date-time */
            created_at: string;
            engagement_rate: number;
            expertise_domains: string[];
            failure_reason: string | null;
            headline: string;
            id: string;
            languages: string[];
            livemode: boolean;
            name: string;
            organization_id: string | null;
            performance: {
                avg_conversion_rate: number;
                avg_engagement_rate: number;
                campaigns_completed: number;
                total_reach: number;
            };
            persona_prompt?: string;
            pricing: {
                base_rate_usd: number;
                included_in_plans: string[];
                model: string;
                per_item_usd: number;
            };
            rating: number;
            reach: number;
            /** @enum {string} */
            status: "training" | "ready" | "available" | "failed";
            style_profile: Record<string, unknown> | null;
            subcategories: string[];
            target_audience: string | null;
            /** @enum {string} */
            tier: "flagship" | "premium" | "standard" | "emerging";
            /** @description IANA zone the agent posts from (week plans default to it); null when none */
            timezone: string | null;
            total_campaigns: number;
            /** Format: date-time */
            updated_at: string;
            use_cases: string[];
            /** @enum {string} */
            visibility: "private" | "public" | "marketplace";
        };
        AgentBuildAccepted: {
            /** Format: uri */
            api_endpoint: string;
            /** Format: uri */
            dashboard_url: string;
            /** Format: date-time */
            estimated_ready_at: string;
            id: string;
            name: string;
            /** @constant */
            status: "training";
        };
        AgentDeleted: {
            /** @constant */
            deleted: true;
            id: string;
        };
        AgentList: {
            data: components["schemas"]["AgentSummary"][];
            meta: {
                limit: number;
                next_cursor: string | null;
                total: number | null;
            };
        };
        AgentSummary: {
            /** @enum {string} */
            category: "automotive" | "fashion_lifestyle" | "sustainable_fashion" | "beauty" | "fitness" | "food" | "travel" | "tech" | "finance" | "gaming" | "health_wellness" | "home_living" | "parenting" | "sports" | "music" | "education" | "pets" | "entertainment";
            /** Format: date-time */
            created_at: string;
            engagement_rate: number;
            id: string;
            languages: string[];
            name: string;
            rating: number;
            reach: number;
            /** @enum {string} */
            status: "training" | "ready" | "available" | "failed";
            subcategories: string[];
            /** @enum {string} */
            tier: "flagship" | "premium" | "standard" | "emerging";
            total_campaigns: number;
            use_cases: string[];
        };
        AnalyticsMetricCounts: {
            clicks: number;
            conversions: number;
            engagements: number;
            impressions: number;
            leads: number;
        };
        AnalyticsReport: {
            agent_id?: string;
            breakdown_by_language: {
                [key: string]: components["schemas"]["AnalyticsMetricCounts"];
            };
            breakdown_by_platform: {
                [key: string]: components["schemas"]["AnalyticsMetricCounts"];
            };
            campaign_id?: string;
            /** @constant */
            granularity: "day";
            livemode: boolean;
            organization_id?: string;
            period: {
                /** Format: date */
                end: string;
                /** Format: date */
                start: string;
            };
            summary: {
                click_through_rate: number | null;
                conversion_rate: number | null;
                conversions: number;
                engagement_rate: number | null;
                estimated_revenue_usd: number;
                leads_generated: number;
                roi_multiplier: number | null;
                spend_usd: number;
                total_clicks: number;
                total_engagements: number;
                total_impressions: number;
            };
            timeseries: {
                clicks: number;
                conversions: number;
                /** Format: date */
                date: string;
                engagements: number;
                impressions: number;
                leads: number;
                revenue_usd: number;
            }[];
            top_content: {
                campaign_id: string;
                clicks: number;
                content_id: string;
                conversions: number;
                engagement_rate: number | null;
                engagements: number;
                impressions: number;
                leads: number;
                platform: string | null;
            }[];
        };
        ApiKey: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string | null;
            id: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** @enum {string} */
            mode: "live" | "test";
            name: string;
            scopes: ("agents:read" | "agents:write" | "campaigns:read" | "campaigns:write" | "content:read" | "content:write" | "content:generate" | "analytics:read" | "analytics:write" | "webhooks:read" | "webhooks:write" | "keys:admin")[];
            token_hint: string;
        };
        ApiKeyCreated: components["schemas"]["ApiKey"] & {
            /** @description Shown once, at creation */
            token: string;
        };
        ApiKeyList: {
            data: components["schemas"]["ApiKey"][];
            meta: {
                limit: number;
                next_cursor: string | null;
                total: number | null;
            };
        };
        ApiKeyRevoked: {
            id: string;
            /** @constant */
            revoked: true;
        };
        ApproveContentBody: {
            reason?: string | null;
        };
        BulkBatch: {
            agent_id: string;
            /** Format: date-time */
            created_at: string;
            id: string;
            /** @constant */
            object: "bulk_batch";
            progress: number;
            rows: {
                content_id: string;
                error: {
                    code: string;
                    message: string;
                } | null;
                job_id: string;
                line: number;
                progress: number;
                /** @enum {string} */
                status: "queued" | "processing" | "done" | "error" | "cancelled" | "stopped";
                video_url: string | null;
            }[];
            rows_done: number;
            rows_failed: number;
            /** @enum {string} */
            status: "processing" | "done" | "error" | "cancelled" | "stopped";
            total_rows: number;
        };
        BulkVideosBody: {
            agent_id: string;
            /** @enum {string|null} */
            aspect_ratio?: "9:16" | "1:1" | "16:9" | null;
            campaign_id?: string | null;
            csv: string;
            duration_seconds?: number | null;
            /** @enum {string|null} */
            platform?: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email" | null;
        };
        Calendar: {
            days: {
                count: number;
                counts: {
                    [key: string]: number;
                };
                /** Format: date */
                date: string;
                items: {
                    agent_id: string;
                    /** Format: date-time */
                    at: string;
                    campaign_id: string | null;
                    caption: string;
                    /** @enum {string} */
                    content_type: "product_review" | "product_launch" | "testimonial" | "lead_magnet" | "trivia" | "collab_content";
                    /** @enum {string} */
                    format: "post" | "video_script" | "article" | "thread" | "press_release" | "quote" | "review" | "landing_copy" | "email" | "question" | "quiz" | "joint_announcement" | "instagram_caption" | "tiktok_caption" | "x_post" | "linkedin_post" | "youtube_description" | "social_post";
                    id: string;
                    language: string;
                    /** @enum {string|null} */
                    platform: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email" | null;
                    /** Format: date-time */
                    published_at: string | null;
                    /** Format: date-time */
                    scheduled_at: string | null;
                    /** @enum {string} */
                    status: "generating" | "pending_review" | "approved" | "scheduled" | "published" | "rejected" | "failed" | "publish_failed";
                    title: string | null;
                }[];
            }[];
            /** Format: date */
            from: string;
            timezone: string;
            /** Format: date */
            to: string;
            total: number;
            truncated: boolean;
        };
        Campaign: {
            agent_id: string;
            budget_usd: number | null;
            /** Format: date-time */
            cancelled_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            config: {
                /** @enum {string} */
                compliance_mode: "standard" | "strict" | "off";
                duration_days: number;
                languages: string[];
                output_formats: ("post" | "video_script" | "article" | "thread" | "press_release" | "quote" | "review" | "landing_copy" | "email" | "question" | "quiz" | "joint_announcement" | "instagram_caption" | "tiktok_caption" | "x_post" | "linkedin_post" | "youtube_description" | "social_post")[];
                starts_at: string | null;
                tone: string | null;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            ends_at: string;
            id: string;
            livemode: boolean;
            name: string;
            /** Format: date-time */
            paused_at: string | null;
            per_item_usd: number;
            performance: {
                conversions: number;
                engagements: number;
                impressions: number;
                leads: number;
            };
            product: Record<string, unknown> | null;
            reserved_usd: number;
            spent_usd: number;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            starts_at: string;
            /** @enum {string} */
            status: "scheduled" | "active" | "paused" | "completed" | "cancelled";
            /** @enum {string} */
            type: "product_launch" | "product_review" | "review" | "lead_gen" | "testimonial" | "trivia" | "brand_launch" | "collab_content";
            /** Format: date-time */
            updated_at: string;
        };
        CampaignConfigBody: {
            /** @enum {string|null} */
            compliance_mode?: "standard" | "strict" | "off" | null;
            duration_days?: number | null;
            languages?: ("en" | "de" | "fr" | "es" | "hi" | "it" | "pt" | "nl" | "sv" | "no" | "da" | "fi" | "pl" | "cs" | "sk" | "hu" | "ro" | "bg" | "el" | "tr" | "ru" | "uk" | "ar" | "he" | "fa" | "ur" | "bn" | "ta" | "te" | "mr" | "gu" | "kn" | "ml" | "pa" | "ja" | "zh" | "ko" | "th" | "vi" | "id" | "ms" | "tl" | "sw" | "af" | "zu" | "hr" | "sr" | "sl" | "lt" | "lv" | "et" | "ga" | "is" | "ca" | "eu" | "gl")[] | null;
            output_formats?: ("post" | "video_script" | "article" | "thread" | "press_release" | "quote" | "review" | "landing_copy" | "email" | "question" | "quiz" | "joint_announcement" | "instagram_caption" | "tiktok_caption" | "x_post" | "linkedin_post" | "youtube_description" | "social_post")[] | null;
            starts_at?: string | null;
            tone?: string | null;
        };
        CampaignList: {
            data: components["schemas"]["Campaign"][];
            meta: {
                limit: number;
                next_cursor: string | null;
                total: number | null;
            };
        };
        CampaignProductBody: {
            brand?: string | null;
            currency?: string | null;
            description?: string | null;
            key_features?: string[] | null;
            name: string;
            price?: string | null;
            promo_code?: string | null;
            target_audience?: string | null;
            /** Format: uri */
            url?: string | null;
        };
        CampaignStreamBody: {
            /** @enum {string|null} */
            content_type?: "product_review" | "product_launch" | "testimonial" | "lead_magnet" | "trivia" | "collab_content" | null;
            /** @enum {string|null} */
            format?: "post" | "video_script" | "article" | "thread" | "press_release" | "quote" | "review" | "landing_copy" | "email" | "question" | "quiz" | "joint_announcement" | "instagram_caption" | "tiktok_caption" | "x_post" | "linkedin_post" | "youtube_description" | "social_post" | null;
            include_cta?: boolean | null;
            /** @enum {string|null} */
            language?: "en" | "de" | "fr" | "es" | "hi" | "it" | "pt" | "nl" | "sv" | "no" | "da" | "fi" | "pl" | "cs" | "sk" | "hu" | "ro" | "bg" | "el" | "tr" | "ru" | "uk" | "ar" | "he" | "fa" | "ur" | "bn" | "ta" | "te" | "mr" | "gu" | "kn" | "ml" | "pa" | "ja" | "zh" | "ko" | "th" | "vi" | "id" | "ms" | "tl" | "sw" | "af" | "zu" | "hr" | "sr" | "sl" | "lt" | "lv" | "et" | "ga" | "is" | "ca" | "eu" | "gl" | null;
            /** @enum {string|null} */
            length?: "short" | "medium" | "long" | null;
            /** @enum {string|null} */
            platform?: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email" | null;
            tone?: string | null;
        };
        ContentDeleted: {
            /** @constant */
            deleted: true;
            id: string;
        };
        ContentItem: {
            agent_id: string;
            body: string;
            campaign_id: string | null;
            caption: string;
            compliance: {
                flags: Record<string, unknown>[];
                /** @enum {string} */
                mode: "standard" | "strict" | "off";
                review_reasons: string[];
            };
            /** @enum {string} */
            content_type: "product_review" | "product_launch" | "testimonial" | "lead_magnet" | "trivia" | "collab_content";
            /** Format: date-time */
            created_at: string;
            cta: string | null;
            disclosures: string[];
            failure_reason?: string | null;
            /** @enum {string} */
            format: "post" | "video_script" | "article" | "thread" | "press_release" | "quote" | "review" | "landing_copy" | "email" | "question" | "quiz" | "joint_announcement" | "instagram_caption" | "tiktok_caption" | "x_post" | "linkedin_post" | "youtube_description" | "social_post";
            hashtags: string[];
            /** @description Every status change and decision, oldest first (single-item answers only) */
            history?: {
                action: string;
                actor: {
                    id: string | null;
                    /** @enum {string} */
                    kind: "key" | "review_link" | "system";
                };
                /** Format: date-time */
                at: string;
                /** @enum {string|null} */
                from: "generating" | "pending_review" | "approved" | "scheduled" | "published" | "rejected" | "failed" | "publish_failed" | null;
                media_index?: number;
                reason: string | null;
                /** @enum {string} */
                to: "generating" | "pending_review" | "approved" | "scheduled" | "published" | "rejected" | "failed" | "publish_failed";
            }[];
            id: string;
            language: string;
            livemode: boolean;
            media: Record<string, unknown>[];
            model: string;
            /** @enum {string|null} */
            platform: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email" | null;
            /** Format: date-time */
            published_at: string | null;
            rejection_reason?: string | null;
            /** Format: date-time */
            scheduled_at: string | null;
            selected_variant: number | null;
            /** @enum {string} */
            status: "generating" | "pending_review" | "approved" | "scheduled" | "published" | "rejected" | "failed" | "publish_failed";
            title: string | null;
            tokens: number;
            /** Format: date-time */
            updated_at: string;
            variants: Record<string, unknown>[];
        };
        ContentList: {
            data: components["schemas"]["ContentItem"][];
            meta: {
                limit: number;
                next_cursor: string | null;
                total: number | null;
            };
        };
        ContentProductBody: {
            brand?: string | null;
            currency?: string | null;
            description?: string | null;
            key_claims: string[];
            key_features?: string[] | null;
            name: string;
            partner?: string | null;
            price?: string | null;
            promo_code?: string | null;
            target_audience?: string | null;
            target_use: string;
            /** Format: uri */
            url?: string | null;
        };
        ContentVariants: {
            content_id: string;
            data: {
                caption: string;
                /** Format: date-time */
                created_at: string;
                idx: number;
                /** @enum {string} */
                style: "story-led" | "question-led" | "cta-led" | "punchy";
            }[];
            selected_variant: number | null;
        };
        CreateAgentBody: {
            /** @enum {string} */
            category: "automotive" | "fashion_lifestyle" | "sustainable_fashion" | "beauty" | "fitness" | "food" | "travel" | "tech" | "finance" | "gaming" | "health_wellness" | "home_living" | "parenting" | "sports" | "music" | "education" | "pets" | "entertainment";
            expertise_domains?: string[] | null;
            languages?: ("en" | "de" | "fr" | "es" | "hi" | "it" | "pt" | "nl" | "sv" | "no" | "da" | "fi" | "pl" | "cs" | "sk" | "hu" | "ro" | "bg" | "el" | "tr" | "ru" | "uk" | "ar" | "he" | "fa" | "ur" | "bn" | "ta" | "te" | "mr" | "gu" | "kn" | "ml" | "pa" | "ja" | "zh" | "ko" | "th" | "vi" | "id" | "ms" | "tl" | "sw" | "af" | "zu" | "hr" | "sr" | "sl" | "lt" | "lv" | "et" | "ga" | "is" | "ca" | "eu" | "gl")[] | null;
            name: string;
            persona_prompt: string;
            target_audience?: string | null;
            timezone?: string | null;
            tone_modes?: string[] | null;
            use_cases?: ("product_launch" | "product_review" | "review" | "lead_gen" | "testimonial" | "trivia" | "brand_launch" | "collab_content")[] | null;
            /** @enum {string|null} */
            visibility?: "private" | "public" | "marketplace" | null;
        };
        CreateApiKeyBody: {
            expires_in_days?: number | null;
            /** @enum {string} */
            mode: "live" | "test";
            name: string;
            scopes: ("agents:read" | "agents:write" | "campaigns:read" | "campaigns:write" | "content:read" | "content:write" | "content:generate" | "analytics:read" | "analytics:write" | "webhooks:read" | "webhooks:write" | "keys:admin")[];
        };
        CreateCampaignBody: {
            agent_id: string;
            budget_usd?: number | null;
            config?: components["schemas"]["CampaignConfigBody"] | null;
            name: string;
            product?: components["schemas"]["CampaignProductBody"] | null;
            /** @enum {string} */
            type: "product_launch" | "product_review" | "review" | "lead_gen" | "testimonial" | "trivia" | "brand_launch" | "collab_content";
        };
        CreateExportBody: {
            campaign_id?: string | null;
            end: string;
            /** @enum {string} */
            format: "csv" | "json";
            start: string;
        };
        CreateMediaBody: {
            /** @enum {string|null} */
            aspect_ratio?: "9:16" | "1:1" | "16:9" | null;
            /** @enum {string} */
            type: "image";
        };
        CreateOrganizationBody: {
            name: string;
            /** @enum {string} */
            plan: "starter" | "growth" | "enterprise";
        };
        CreateReviewLinkBody: {
            agent_id?: string;
            content_ids?: string[];
            expires_in_hours?: number | null;
            note?: string | null;
            week?: string;
        };
        CreateVariantsBody: {
            count: number;
            styles?: ("story-led" | "question-led" | "cta-led" | "punchy")[] | null;
        };
        CreateWebhookBody: {
            description?: string | null;
            events: ("campaign.started" | "campaign.completed" | "campaign.cancelled" | "agent.content_generated" | "content.approved" | "content.rejected" | "content.published" | "content.publish_failed" | "analytics.milestone_reached" | "lead.captured" | "agent.build_complete" | "job.completed" | "job.failed" | "campaign.paused" | "campaign.resumed" | "webhook_endpoint.disabled" | "*")[];
            rate_limit_per_minute?: number | null;
            secret?: string | null;
            url: string;
        };
        /** @description The export file as its format says: CSV (text/csv, a header row then one row per event) or a JSON array of events */
        ExportDownload: string | unknown[];
        GenerateContentBody: {
            campaign_id?: string | null;
            /** @enum {string} */
            content_type: "product_review" | "product_launch" | "testimonial" | "lead_magnet" | "trivia" | "collab_content";
            /** @enum {string} */
            format: "post" | "video_script" | "article" | "thread" | "press_release" | "quote" | "review" | "landing_copy" | "email" | "question" | "quiz" | "joint_announcement" | "instagram_caption" | "tiktok_caption" | "x_post" | "linkedin_post" | "youtube_description" | "social_post";
            include_cta?: boolean | null;
            /** @enum {string|null} */
            language?: "en" | "de" | "fr" | "es" | "hi" | "it" | "pt" | "nl" | "sv" | "no" | "da" | "fi" | "pl" | "cs" | "sk" | "hu" | "ro" | "bg" | "el" | "tr" | "ru" | "uk" | "ar" | "he" | "fa" | "ur" | "bn" | "ta" | "te" | "mr" | "gu" | "kn" | "ml" | "pa" | "ja" | "zh" | "ko" | "th" | "vi" | "id" | "ms" | "tl" | "sw" | "af" | "zu" | "hr" | "sr" | "sl" | "lt" | "lv" | "et" | "ga" | "is" | "ca" | "eu" | "gl" | null;
            /** @enum {string|null} */
            length?: "short" | "medium" | "long" | null;
            /** @enum {string|null} */
            platform?: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email" | null;
            product?: components["schemas"]["ContentProductBody"];
            stream?: boolean | null;
            tone?: string | null;
        };
        GenerateVideoBody: {
            agent_id: string;
            /** @enum {string|null} */
            aspect_ratio?: "9:16" | "1:1" | "16:9" | null;
            campaign_id?: string | null;
            duration_seconds?: number | null;
            /** @enum {string|null} */
            language?: "en" | "de" | "fr" | "es" | "hi" | "it" | "pt" | "nl" | "sv" | "no" | "da" | "fi" | "pl" | "cs" | "sk" | "hu" | "ro" | "bg" | "el" | "tr" | "ru" | "uk" | "ar" | "he" | "fa" | "ur" | "bn" | "ta" | "te" | "mr" | "gu" | "kn" | "ml" | "pa" | "ja" | "zh" | "ko" | "th" | "vi" | "id" | "ms" | "tl" | "sw" | "af" | "zu" | "hr" | "sr" | "sl" | "lt" | "lv" | "et" | "ga" | "is" | "ca" | "eu" | "gl" | null;
            /** @enum {string} */
            platform: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email";
            product?: components["schemas"]["ContentProductBody"] | null;
            scene_description: string;
            script?: string | null;
            /** @enum {string|null} */
            type?: "short" | "reel" | null;
            voice?: string | null;
        };
        GenerateWeekAccepted: {
            job: components["schemas"]["Job"];
        };
        GenerateWeekBody: {
            agent_id: string;
            allow_duplicates?: boolean | null;
            campaign_id?: string | null;
            content_types?: ("product_review" | "product_launch" | "testimonial" | "lead_magnet" | "trivia" | "collab_content")[] | null;
            guidance?: string | null;
            platforms: ("instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email")[];
            posts_per_day: number;
            product?: components["schemas"]["ContentProductBody"] | null;
            /** @enum {string|null} */
            target_language?: "en" | "de" | "fr" | "es" | "hi" | "it" | "pt" | "nl" | "sv" | "no" | "da" | "fi" | "pl" | "cs" | "sk" | "hu" | "ro" | "bg" | "el" | "tr" | "ru" | "uk" | "ar" | "he" | "fa" | "ur" | "bn" | "ta" | "te" | "mr" | "gu" | "kn" | "ml" | "pa" | "ja" | "zh" | "ko" | "th" | "vi" | "id" | "ms" | "tl" | "sw" | "af" | "zu" | "hr" | "sr" | "sl" | "lt" | "lv" | "et" | "ga" | "is" | "ca" | "eu" | "gl" | null;
            timezone?: string | null;
            trending_topics?: string[] | null;
            week: string;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        IngestAccepted: {
            accepted: number;
            duplicates: number;
        };
        IngestEventBody: {
            agent_id?: string | null;
            campaign_id: string;
            content_id?: string | null;
            count?: number | null;
            id?: string | null;
            /** @enum {string|null} */
            language?: "en" | "de" | "fr" | "es" | "hi" | "it" | "pt" | "nl" | "sv" | "no" | "da" | "fi" | "pl" | "cs" | "sk" | "hu" | "ro" | "bg" | "el" | "tr" | "ru" | "uk" | "ar" | "he" | "fa" | "ur" | "bn" | "ta" | "te" | "mr" | "gu" | "kn" | "ml" | "pa" | "ja" | "zh" | "ko" | "th" | "vi" | "id" | "ms" | "tl" | "sw" | "af" | "zu" | "hr" | "sr" | "sl" | "lt" | "lv" | "et" | "ga" | "is" | "ca" | "eu" | "gl" | null;
            metadata?: Record<string, unknown> | null;
            occurred_at?: string | null;
            /** @enum {string|null} */
            platform?: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email" | null;
            /** @enum {string} */
            type: "impression" | "engagement" | "click" | "lead" | "conversion";
            value_usd?: number | null;
        };
        IngestEventsBody: {
            events: components["schemas"]["IngestEventBody"][];
        };
        Job: {
            agent_id: string | null;
            attempts: number;
            /** Format: date-time */
            created_at: string;
            error: {
                code: string;
                message: string;
            } | null;
            /** Format: date-time */
            finished_at: string | null;
            id: string;
            livemode: boolean;
            progress: number;
            result: Record<string, unknown> | null;
            /** Format: date-time */
            started_at: string | null;
            /** @enum {string} */
            status: "queued" | "processing" | "done" | "error" | "cancelled" | "stopped";
            /** @enum {string} */
            type: "content.generate_week" | "content.video" | "content.image" | "analytics.export";
            /** Format: date-time */
            updated_at: string;
        };
        MediaDecisionBody: {
            reason?: string | null;
        };
        /**
         * Format: binary
         * @description The file: MP4 video, PNG image, WAV speech or SRT/WebVTT captions
         */
        MediaFile: string;
        MediaJobAccepted: {
            content: components["schemas"]["ContentItem"];
            job: components["schemas"]["Job"];
        };
        OpenApiDocument: {
            info: Record<string, unknown>;
            openapi: string;
            paths: Record<string, unknown>;
        };
        Organization: {
            /** Format: date-time */
            created_at: string;
            id: string;
            name: string;
            /** @enum {string} */
            plan: "starter" | "growth" | "enterprise";
            /** Format: date-time */
            updated_at: string;
        };
        OrganizationCreated: {
            api_key: {
                id: string;
                /** @constant */
                mode: "live";
                scopes: ("agents:read" | "agents:write" | "campaigns:read" | "campaigns:write" | "content:read" | "content:write" | "content:generate" | "analytics:read" | "analytics:write" | "webhooks:read" | "webhooks:write" | "keys:admin")[];
                token: string;
            };
            organization: components["schemas"]["Organization"];
        };
        OrganizationList: {
            data: components["schemas"]["Organization"][];
            meta: {
                limit: number;
                next_cursor: string | null;
                total: number | null;
            };
        };
        Problem: {
            /** @enum {string} */
            code: "invalid_json" | "bad_request" | "unauthorized" | "forbidden" | "insufficient_scope" | "not_found" | "method_not_allowed" | "not_acceptable" | "request_timeout" | "conflict" | "idempotency_conflict" | "invalid_state" | "budget_exhausted" | "agent_not_ready" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "validation_error" | "agent_not_found" | "unsupported_language" | "rate_limited" | "headers_too_large" | "internal_error" | "service_unavailable";
            detail?: string;
            errors?: {
                code: string;
                field: string;
                message: string;
            }[];
            instance: string;
            message: string;
            request_id: string;
            status: number;
            title: string;
            /** Format: uri */
            type: string;
        };
        PublishContentBody: {
            at?: string | null;
        };
        PublishStatus: {
            attempts: number;
            content_id: string;
            last_error: string | null;
            /** @enum {string|null} */
            platform: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email" | null;
            post_id: string | null;
            /** @description The post’s page (relative to the gateway without PUBLIC_BASE_URL) */
            post_url: string | null;
            /** Format: date-time */
            published_at: string | null;
            /** Format: date-time */
            scheduled_at: string | null;
            /** @enum {string} */
            status: "generating" | "pending_review" | "approved" | "scheduled" | "published" | "rejected" | "failed" | "publish_failed";
        };
        RateLimitOverridesBody: {
            generate?: number | null;
            ingest?: number | null;
            read?: number | null;
            write?: number | null;
        };
        Readiness: {
            /** @enum {string} */
            database: "ok" | "unavailable";
            services: {
                [key: string]: string;
            };
            /** @enum {string} */
            status: "ready" | "not_ready";
        };
        RejectContentBody: {
            reason?: string | null;
        };
        ReviewDecision: {
            content_id: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            /** @enum {string} */
            status: "generating" | "pending_review" | "approved" | "scheduled" | "published" | "rejected" | "failed" | "publish_failed";
        };
        ReviewDecisionBody: {
            comment?: string | null;
        };
        ReviewLink: {
            agent_id: string | null;
            content_ids: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
            id: string;
            livemode: boolean;
            note: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            /**
             * Format: uri
             * @description Shown once; null when the answer is replayed or the link revoked
             */
            url: string | null;
            /** Format: date */
            week: string | null;
        };
        RotateWebhookSecretBody: {
            secret?: string | null;
        };
        UpdateAgentBody: {
            capabilities?: unknown;
            /** @enum {string|null} */
            category?: "automotive" | "fashion_lifestyle" | "sustainable_fashion" | "beauty" | "fitness" | "food" | "travel" | "tech" | "finance" | "gaming" | "health_wellness" | "home_living" | "parenting" | "sports" | "music" | "education" | "pets" | "entertainment" | null;
            created_at?: unknown;
            engagement_rate?: unknown;
            expertise_domains?: string[] | null;
            failure_reason?: unknown;
            headline?: unknown;
            id?: unknown;
            languages?: ("en" | "de" | "fr" | "es" | "hi" | "it" | "pt" | "nl" | "sv" | "no" | "da" | "fi" | "pl" | "cs" | "sk" | "hu" | "ro" | "bg" | "el" | "tr" | "ru" | "uk" | "ar" | "he" | "fa" | "ur" | "bn" | "ta" | "te" | "mr" | "gu" | "kn" | "ml" | "pa" | "ja" | "zh" | "ko" | "th" | "vi" | "id" | "ms" | "tl" | "sw" | "af" | "zu" | "hr" | "sr" | "sl" | "lt" | "lv" | "et" | "ga" | "is" | "ca" | "eu" | "gl")[] | null;
            livemode?: unknown;
            name?: string | null;
            organization_id?: unknown;
            performance?: unknown;
            persona_prompt?: string | null;
            pricing?: unknown;
            rating?: unknown;
            reach?: unknown;
            status?: unknown;
            style_profile?: unknown;
            subcategories?: unknown;
            target_audience?: string | null;
            tier?: unknown;
            timezone?: string | null;
            tone_modes?: string[] | null;
            total_campaigns?: unknown;
            updated_at?: unknown;
            use_cases?: ("product_launch" | "product_review" | "review" | "lead_gen" | "testimonial" | "trivia" | "brand_launch" | "collab_content")[] | null;
            /** @enum {string|null} */
            visibility?: "private" | "public" | "marketplace" | null;
        };
        UpdateCampaignBody: {
            agent_id?: unknown;
            budget_usd?: number | null;
            cancelled_at?: unknown;
            completed_at?: unknown;
            config?: components["schemas"]["CampaignConfigBody"] | null;
            created_at?: unknown;
            ends_at?: unknown;
            id?: unknown;
            livemode?: unknown;
            name?: string | null;
            paused_at?: unknown;
            per_item_usd?: unknown;
            performance?: unknown;
            product?: unknown;
            reserved_usd?: unknown;
            spent_usd?: unknown;
            started_at?: unknown;
            starts_at?: unknown;
            status?: unknown;
            type?: unknown;
            updated_at?: unknown;
        };
        UpdateContentBody: {
            agent_id?: unknown;
            body?: string | null;
            campaign_id?: unknown;
            caption?: string | null;
            compliance?: unknown;
            content_type?: unknown;
            created_at?: unknown;
            cta?: string | null;
            disclosures?: unknown;
            failure_reason?: unknown;
            format?: unknown;
            hashtags?: string[] | null;
            history?: unknown;
            id?: unknown;
            language?: unknown;
            livemode?: unknown;
            media?: unknown;
            model?: unknown;
            platform?: unknown;
            published_at?: unknown;
            rejection_reason?: unknown;
            scheduled_at?: string | null;
            selected_variant?: unknown;
            status?: unknown;
            title?: unknown;
            tokens?: unknown;
            updated_at?: unknown;
            variants?: unknown;
        };
        UpdateOrganizationBody: {
            name?: string | null;
            /** @enum {string|null} */
            plan?: "starter" | "growth" | "enterprise" | null;
            rate_limits?: components["schemas"]["RateLimitOverridesBody"] | null;
        };
        UpdateWebhookBody: {
            created_at?: unknown;
            description?: string | null;
            disabled_at?: unknown;
            disabled_reason?: unknown;
            events?: ("campaign.started" | "campaign.completed" | "campaign.cancelled" | "agent.content_generated" | "content.approved" | "content.rejected" | "content.published" | "content.publish_failed" | "analytics.milestone_reached" | "lead.captured" | "agent.build_complete" | "job.completed" | "job.failed" | "campaign.paused" | "campaign.resumed" | "webhook_endpoint.disabled" | "*")[] | null;
            id?: unknown;
            livemode?: unknown;
            object?: unknown;
            previous_secret_expires_at?: unknown;
            rate_limit_per_minute?: number | null;
            /** @enum {string|null} */
            status?: "enabled" | "disabled" | null;
            updated_at?: unknown;
            url?: string | null;
        };
        VideoStatus: {
            content_id: string;
            error: {
                code: string;
                message: string;
            } | null;
            id: string;
            job_id: string;
            progress: number;
            result: {
                audio_url: string | null;
                captions: {
                    srt_url: string;
                    vtt_url: string;
                } | null;
                credits_billed: number;
                /** @description Measured from the file */
                duration_seconds: number | null;
                thumbnail_url: string | null;
                /** @description Signed link to the MP4; expires (read the status again for a fresh one) */
                video_url: string | null;
            };
            /** @enum {string} */
            status: "queued" | "processing" | "done" | "error" | "cancelled" | "stopped";
            /** @enum {string} */
            step: "queued" | "script" | "speech" | "frames" | "encoding" | "storing" | "done";
        };
        WebhookDelivery: {
            /** @description Only when one delivery is read */
            attempts?: {
                address: string | null;
                attempt: number;
                error_code: string | null;
                error_message: string | null;
                latency_ms: number;
                location: string | null;
                response_snippet: string | null;
                /** Format: date-time */
                started_at: string;
                status_code: number | null;
            }[];
            attempts_count: number;
            /** Format: date-time */
            created_at: string;
            endpoint_id: string;
            event_id: string;
            event_type: string;
            id: string;
            /** Format: date-time */
            last_attempt_at: string | null;
            last_error: string | null;
            last_status_code: number | null;
            livemode: boolean;
            /** Format: date-time */
            next_attempt_at: string | null;
            /** @constant */
            object: "webhook_delivery";
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            /** Format: date-time */
            updated_at: string;
        };
        WebhookDeliveryList: {
            data: components["schemas"]["WebhookDelivery"][];
            meta: {
                limit: number;
                next_cursor: string | null;
                total: number | null;
            };
        };
        WebhookEndpoint: {
            /** Format: date-time */
            created_at: string;
            description: string | null;
            /** Format: date-time */
            disabled_at: string | null;
            disabled_reason: string | null;
            events: string[];
            id: string;
            livemode: boolean;
            /** @constant */
            object: "webhook_endpoint";
            /**
             * Format: date-time
             * @description Until then the secret replaced by the last rotation still signs too
             */
            previous_secret_expires_at: string | null;
            rate_limit_per_minute: number | null;
            /** @enum {string} */
            status: "enabled" | "disabled";
            /** Format: date-time */
            updated_at: string;
            /** Format: uri */
            url: string;
        };
        WebhookEndpointDeleted: {
            /** @constant */
            deleted: true;
            id: string;
        };
        WebhookEndpointList: {
            data: components["schemas"]["WebhookEndpoint"][];
            meta: {
                limit: number;
                next_cursor: string | null;
                total: number | null;
            };
        };
        WebhookEndpointWithSecret: {
            /** Format: date-time */
            created_at: string;
            description: string | null;
            /** Format: date-time */
            disabled_at: string | null;
            disabled_reason: string | null;
            events: string[];
            id: string;
            livemode: boolean;
            /** @constant */
            object: "webhook_endpoint";
            /**
             * Format: date-time
             * @description Until then the secret replaced by the last rotation still signs too
             */
            previous_secret_expires_at: string | null;
            rate_limit_per_minute: number | null;
            /** @description The signing secret, shown in this answer only; null when the answer is replayed */
            secret: string | null;
            /** @enum {string} */
            status: "enabled" | "disabled";
            /** Format: date-time */
            updated_at: string;
            /** Format: uri */
            url: string;
        };
    };
    responses: {
        /** @description Malformed JSON, a malformed header (Idempotency-Key, X-Influgentic-Org/Agent) or a body where none is taken */
        Problem400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing, unknown, expired or revoked credentials */
        Problem401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing scope, or an organization/agent header the key may not use */
        Problem403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such object visible to the caller */
        Problem404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The object's state refuses the operation, or the Idempotency-Key is in use or was used with another body (`Retry-After` while the first request runs) */
        Problem409: {
            headers: {
                /** @description Seconds to wait before retrying */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Request body too large */
        Problem413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A path parameter is too long */
        Problem414: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Request body is not application/json */
        Problem415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Invalid path, query or body fields (unknown fields included); `errors[]` names each field */
        Problem422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limit exceeded */
        Problem429: {
            headers: {
                /** @description Seconds to wait before retrying */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Request headers too large */
        Problem431: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A backing service or the database did not answer in time */
        Problem503: {
            headers: {
                /** @description Seconds to wait before retrying */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAdminV1Organizations: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationList"];
                };
            };
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAdminV1Organizations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganizationBody"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationCreated"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAdminV1OrganizationsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchAdminV1OrganizationsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateOrganizationBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            431: components["responses"]["Problem431"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMediaOrganizationModeContentIdFile: {
        parameters: {
            query: {
                expires: string;
                name?: string;
                sig: string;
            };
            header?: never;
            path: {
                content_id: string;
                file: string;
                mode: "live" | "test";
                organization: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, in the media type its format names */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaFile"];
                    "application/x-subrip": string;
                    "audio/wav": string;
                    "image/png": string;
                    "text/vtt": string;
                    "video/mp4": string;
                };
            };
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            431: components["responses"]["Problem431"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            431: components["responses"]["Problem431"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
            431: components["responses"]["Problem431"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublishedId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No such object visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description Invalid path, query or body fields (unknown fields included); `errors[]` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            431: components["responses"]["Problem431"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            431: components["responses"]["Problem431"];
            /** @description Not ready: the database or a service did not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReviewToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No such object visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description Invalid path, query or body fields (unknown fields included); `errors[]` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description Rate limit exceeded */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            431: components["responses"]["Problem431"];
            /** @description A backing service or the database did not answer in time */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postReviewTokenItemsContentIdApprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                content_id: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReviewDecisionBody"];
                "application/x-www-form-urlencoded": components["schemas"]["ReviewDecisionBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewDecision"];
                };
            };
            /** @description A form post: back to the page */
            303: {
                headers: {
                    /** @description The page */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            404: components["responses"]["Problem404"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postReviewTokenItemsContentIdReject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                content_id: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReviewDecisionBody"];
                "application/x-www-form-urlencoded": components["schemas"]["ReviewDecisionBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewDecision"];
                };
            };
            /** @description A form post: back to the page */
            303: {
                headers: {
                    /** @description The page */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            404: components["responses"]["Problem404"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Agents: {
        parameters: {
            query?: {
                category?: "automotive" | "fashion_lifestyle" | "sustainable_fashion" | "beauty" | "fitness" | "food" | "travel" | "tech" | "finance" | "gaming" | "health_wellness" | "home_living" | "parenting" | "sports" | "music" | "education" | "pets" | "entertainment";
                cursor?: string;
                language?: "en" | "de" | "fr" | "es" | "hi" | "it" | "pt" | "nl" | "sv" | "no" | "da" | "fi" | "pl" | "cs" | "sk" | "hu" | "ro" | "bg" | "el" | "tr" | "ru" | "uk" | "ar" | "he" | "fa" | "ur" | "bn" | "ta" | "te" | "mr" | "gu" | "kn" | "ml" | "pa" | "ja" | "zh" | "ko" | "th" | "vi" | "id" | "ms" | "tl" | "sw" | "af" | "zu" | "hr" | "sr" | "sl" | "lt" | "lv" | "et" | "ga" | "is" | "ca" | "eu" | "gl";
                limit?: number;
                min_reach?: number;
                q?: string;
                sort?: "reach" | "engagement" | "campaigns" | "rating";
                tier?: "flagship" | "premium" | "standard" | "emerging";
                use_case?: "product_launch" | "product_review" | "review" | "lead_gen" | "testimonial" | "trivia" | "brand_launch" | "collab_content";
                visibility?: "private" | "public" | "marketplace";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentList"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1Agents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgentBody"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentBuildAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1AgentsAgentIdContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateContentBody"];
            };
        };
        responses: {
            /** @description The JSON result, or Server-Sent Events with `stream: true` or `Accept: text/event-stream` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1AgentsAgentIdContentContentIdApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                agent_id: string;
                content_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveContentBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1AgentsAgentIdContentContentIdRegenerate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                agent_id: string;
                content_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1AgentsAgentIdContentContentIdReject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                agent_id: string;
                content_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RejectContentBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AgentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1AgentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentDeleted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchV1AgentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateAgentBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AnalyticsAgentsAgentId: {
        parameters: {
            query?: {
                end?: string;
                granularity?: "day";
                start?: string;
            };
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsReport"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AnalyticsCampaignsCampaignId: {
        parameters: {
            query?: {
                end?: string;
                granularity?: "day";
                start?: string;
            };
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsReport"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1AnalyticsExports: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExportBody"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AnalyticsExportsIdDownload: {
        parameters: {
            query: {
                expires: number;
                signature: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, in the media type its format names */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportDownload"];
                    "text/csv": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AnalyticsOverview: {
        parameters: {
            query?: {
                end?: string;
                granularity?: "day";
                start?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsReport"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ApiKeys: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyBody"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ApiKeysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1ApiKeysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyRevoked"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Campaigns: {
        parameters: {
            query?: {
                agent_id?: string;
                cursor?: string;
                limit?: number;
                status?: "scheduled" | "active" | "paused" | "completed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignList"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1Campaigns: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignBody"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1CampaignsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1CampaignsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchV1CampaignsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateCampaignBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1CampaignsIdCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1CampaignsIdPause: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1CampaignsIdResume: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1CampaignsIdStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CampaignStreamBody"];
            };
        };
        responses: {
            /** @description Server-Sent Events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Content: {
        parameters: {
            query?: {
                agent_id?: string;
                campaign_id?: string;
                created_after?: string;
                created_before?: string;
                cursor?: string;
                limit?: number;
                platform?: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email";
                scheduled_after?: string;
                scheduled_before?: string;
                status?: "generating" | "pending_review" | "approved" | "scheduled" | "published" | "rejected" | "failed" | "publish_failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentList"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ContentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1ContentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentDeleted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchV1ContentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateContentBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveContentBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdMedia: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMediaBody"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaJobAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdMediaIndexApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                index: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["MediaDecisionBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdMediaIndexReject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                index: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["MediaDecisionBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdPublish: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PublishContentBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdPublishRetry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ContentIdPublishStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishStatus"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdRegenerate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdReject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RejectContentBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdUnpublish: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ContentIdVariants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentVariants"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentIdVariants: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVariantsBody"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentVariants"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putV1ContentIdVariantsIdxSelect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                idx: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentItem"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentBulk: {
        parameters: {
            query?: {
                /** @description With a text/csv body: the agent_id field of the request */
                agent_id?: string;
                /** @description With a text/csv body: the aspect_ratio field of the request */
                aspect_ratio?: "9:16" | "1:1" | "16:9";
                /** @description With a text/csv body: the campaign_id field of the request */
                campaign_id?: string;
                /** @description With a text/csv body: the duration_seconds field of the request */
                duration_seconds?: number;
                /** @description With a text/csv body: the platform field of the request */
                platform?: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email";
            };
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkVideosBody"];
                "text/csv": string;
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkBatch"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ContentBulkId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkBatch"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ContentCalendar: {
        parameters: {
            query?: {
                agent_id?: string;
                from?: string;
                platform?: "instagram" | "tiktok" | "x" | "linkedin" | "youtube" | "facebook" | "threads" | "blog" | "email";
                status?: "pending_review" | "approved" | "scheduled" | "published" | "publish_failed";
                timezone?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentGenerateWeek: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateWeekBody"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GenerateWeekAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentReviewLinks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateReviewLinkBody"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewLink"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1ContentReviewLinksId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewLink"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentVideoIdContinue: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoStatus"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ContentVideoIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoStatus"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentVideoIdStop: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoStatus"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ContentVideoGenerate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateVideoBody"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaJobAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1Events: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestEventsBody"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1EventsStream: {
        parameters: {
            query?: {
                last_event_id?: string;
                types?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events, open until the client leaves */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1JobsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1JobsIdCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Webhooks: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "enabled" | "disabled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1Webhooks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookBody"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1WebhooksId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1WebhooksId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDeleted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchV1WebhooksId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1WebhooksIdDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1WebhooksIdDeliveriesDeliveryId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1WebhooksIdDeliveriesDeliveryIdRetry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                delivery_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1WebhooksIdRotateSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateWebhookSecretBody"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1WebhooksIdTest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            414: components["responses"]["Problem414"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            431: components["responses"]["Problem431"];
            503: components["responses"]["Problem503"];
            /** @description Unexpected error (RFC 9457 problem) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
