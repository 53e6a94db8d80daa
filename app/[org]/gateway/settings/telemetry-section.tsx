"use client";
// Settings › Telemetry: export an OpenTelemetry trace of every request to an
// OTLP endpoint (e.g. Logfire). Headers are write-only: typed, never shown back.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingRows } from "@/components/ui/query-states";
import { SelectField } from "@/components/ui/select-field";
import { Switch } from "@/components/ui/switch";
import { TextField } from "@/components/ui/text-field";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { GatewayView } from "@/lib/setup/operations";
import { parseOtlpHeaders } from "./otlp-headers";
import { useUpdateGateway } from "./use-update-gateway";
import { useGatewaySettings, useProjects, type Project } from "./use-settings";

type TestResult = { ok: true } | { ok: false; error: string };

export function TelemetrySection() {
  const gateway = useGatewaySettings();
  const projects = useProjects();
  return (
    <Panel
      id="telemetry"
      title="Telemetry"
      description="Export an OpenTelemetry trace (GenAI semantic conventions) of every gateway request to any OTLP/HTTP endpoint, such as Logfire."
    >
      {gateway.isPending || projects.isPending ? (
        <LoadingRows rows={2} label="Loading telemetry settings" />
      ) : gateway.isError || projects.isError ? (
        <ErrorState error={(gateway.error ?? projects.error)!} onRetry={() => (gateway.refetch(), projects.refetch())} />
      ) : (
        <TelemetryForm key={JSON.stringify(gateway.data.telemetry)} telemetry={gateway.data.telemetry} projects={projects.data} />
      )}
    </Panel>
  );
}

function TelemetryForm({ telemetry, projects }: { telemetry: GatewayView["telemetry"]; projects: Project[] }) {
  const { slug } = useOrganization();
  const [enabled, setEnabled] = useState(telemetry.enabled);
  const [project, setProject] = useState(telemetry.project ?? "");
  const [endpoint, setEndpoint] = useState(telemetry.otlpEndpoint ?? "");
  const [headers, setHeaders] = useState("");
  const [captureContent, setCaptureContent] = useState(telemetry.captureContent);
  const [errors, setErrors] = useState<{ endpoint?: string; headers?: string }>({});
  const update = useUpdateGateway();
  const test = useMutation({
    mutationFn: (body: { otlpEndpoint?: string; otlpHeaders?: Record<string, string> }) => apiFetch<TestResult>(slug, "gateway/telemetry/test", { body }),
    onSuccess: (result) => (result.ok ? toast.success("The collector accepted the test span") : toast.error("The test span was refused")),
    onError: (error) => toast.error(error.message),
  });

  const check = () => {
    const next: typeof errors = {};
    const parsedHeaders = parseOtlpHeaders(headers);
    if (!parsedHeaders.ok) next.headers = parsedHeaders.error;
    if (endpoint.trim() && !/^https?:\/\/[^\s]+$/i.test(endpoint.trim())) next.endpoint = "Enter an http(s) URL";
    setErrors(next);
    return Object.keys(next).length === 0 ? parsedHeaders : null;
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    // mutateAsync, not mutate's callbacks: the saved settings re-key (remount) this form, which would drop them.
    update
      .mutateAsync({
        telemetry: {
          enabled,
          project: project || null,
          otlpEndpoint: endpoint.trim() || null,
          captureContent,
          ...(headers.trim() ? { otlpHeaders: headers.trim() } : {}),
        },
      })
      .then(
        () => toast.success("Telemetry settings saved"),
        (error: Error) => toast.error(error.message),
      );
  };

  const sendTestSpan = () => {
    const parsed = check();
    if (!parsed?.ok) return;
    const changedEndpoint = endpoint.trim() && endpoint.trim() !== telemetry.otlpEndpoint ? endpoint.trim() : undefined;
    const typedHeaders = Object.keys(parsed.headers).length ? parsed.headers : undefined;
    test.mutate({
      ...(changedEndpoint || typedHeaders ? { otlpEndpoint: endpoint.trim() || undefined } : {}),
      ...(typedHeaders ? { otlpHeaders: typedHeaders } : {}),
    });
  };

  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-5">
      <Switch label="Export traces" description="One trace per gateway request, with a span per upstream attempt." checked={enabled} onChange={setEnabled} />
      {enabled && !endpoint.trim() && (
        <Alert tone="warning">Tracing is on but has nowhere to go yet: enter the OTLP endpoint of your collector or Logfire project.</Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label="Telemetry project"
          value={project}
          onChange={(event) => setProject(event.target.value)}
          options={[{ value: "", label: "No project" }, ...projects.map((item) => ({ value: item.slug, label: item.name }))]}
          hint="Recorded on every span as the project the traces belong to."
        />
        <TextField
          label="OTLP endpoint"
          type="url"
          value={endpoint}
          onChange={(event) => setEndpoint(event.target.value)}
          placeholder="https://logfire-api.pydantic.dev"
          hint="The base URL, like OTEL_EXPORTER_OTLP_ENDPOINT; traces go to <endpoint>/v1/traces."
          error={errors.endpoint}
          spellCheck={false}
        />
      </div>
      <TextField
        label="Headers"
        type="password"
        value={headers}
        onChange={(event) => setHeaders(event.target.value)}
        placeholder={telemetry.otlpEndpoint ? "unchanged — type to replace, e.g. Authorization=Bearer <write token>" : "Authorization=Bearer <write token>"}
        hint="Like OTEL_EXPORTER_OTLP_HEADERS: name=value pairs separated by commas. Stored encrypted and never shown again."
        error={errors.headers}
        autoComplete="off"
        spellCheck={false}
      />
      <Switch
        label="Capture content"
        description="Include prompts and completions in the spans. Leave off if they may hold personal or confidential data."
        checked={captureContent}
        onChange={setCaptureContent}
      />
      {test.data && (
        <div aria-live="polite">
          {test.data.ok ? (
            <p role="status" className="text-sm font-medium text-success">
              Test span sent: the collector accepted it.
            </p>
          ) : (
            <Alert>Test span failed: {test.data.error}</Alert>
          )}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={update.isPending}>
          Save telemetry
        </Button>
        <Button variant="secondary" onClick={sendTestSpan} pending={test.isPending} disabled={!endpoint.trim()}>
          Send test span
        </Button>
        {telemetry.otlpEndpoint && (
          <Button
            variant="ghost"
            onClick={() =>
              update.mutate(
                { telemetry: { otlpHeaders: null } },
                { onSuccess: () => toast.success("Saved headers removed"), onError: (error) => toast.error(error.message) },
              )
            }
          >
            Remove saved headers
          </Button>
        )}
      </div>
    </form>
  );
}
