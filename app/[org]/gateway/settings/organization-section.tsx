"use client";
// Settings › Organization and projects: rename the organization, create
// projects and rename them. Slugs stay as they are: URLs, keys and the API
// name organizations and projects by them.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingRows } from "@/components/ui/query-states";
import { TextField } from "@/components/ui/text-field";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { useProjects, type Project } from "../keys/use-keys";

export function OrganizationSection() {
  const { slug, name } = useOrganization();
  const router = useRouter();
  const queryClient = useQueryClient();
  const projects = useProjects();
  const [organizationName, setOrganizationName] = useState(name);
  const [newProject, setNewProject] = useState("");
  const [renaming, setRenaming] = useState<Project | null>(null);
  const refreshProjects = () => queryClient.invalidateQueries({ queryKey: ["projects", slug] });

  const rename = useMutation({
    mutationFn: (next: string) => apiFetch<{ name: string }>(slug, "organization", { method: "PATCH", body: { name: next } }),
    onSuccess: (organization) => {
      toast.success(`The organization is now “${organization.name}”`);
      // The header and page title are rendered on the server.
      router.refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const create = useMutation({
    mutationFn: (projectName: string) => apiFetch<Project>(slug, "projects", { body: { name: projectName } }),
    onSuccess: async (project) => {
      toast.success(`Project “${project.name}” created (slug ${project.slug})`);
      setNewProject("");
      await refreshProjects();
    },
    onError: (error) => toast.error(error.message),
  });

  const submitName = (event: FormEvent) => {
    event.preventDefault();
    if (organizationName.trim()) rename.mutate(organizationName.trim());
  };
  const submitProject = (event: FormEvent) => {
    event.preventDefault();
    if (newProject.trim()) create.mutate(newProject.trim());
  };

  return (
    <Panel id="organization" title="Organization and projects" description="Names shown in the dashboard. Slugs stay as they are: URLs, keys and the API use them.">
      <div className="flex flex-col gap-6">
        <form onSubmit={submitName} className="flex flex-wrap items-end gap-2">
          <TextField label="Organization name" value={organizationName} onChange={(event) => setOrganizationName(event.target.value)} className="min-w-0 flex-1 basis-64" maxLength={100} />
          <Button type="submit" variant="secondary" pending={rename.isPending} disabled={!organizationName.trim() || organizationName.trim() === name}>
            Rename organization
          </Button>
        </form>

        <div className="flex flex-col gap-3">
          <h3 className="text-sm font-medium">Projects</h3>
          {projects.isPending ? (
            <LoadingRows rows={2} label="Loading projects" />
          ) : projects.isError ? (
            <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
          ) : (
            <ul aria-label="Projects" className="divide-y divide-border rounded-lg border border-border">
              {projects.data.map((project) => (
                <li key={project.id} aria-label={project.name} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span className="min-w-0">
                    <span className="font-medium">{project.name}</span> <code className="text-xs text-muted">{project.slug}</code>
                  </span>
                  <Button variant="ghost" className="h-8 px-3" onClick={() => setRenaming(project)} aria-label={`Rename ${project.name}`}>
                    Rename
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={submitProject} className="flex flex-wrap items-end gap-2">
            <TextField label="New project" value={newProject} placeholder="e.g. Support bot" onChange={(event) => setNewProject(event.target.value)} className="min-w-0 flex-1 basis-64" maxLength={100} />
            <Button type="submit" pending={create.isPending} disabled={!newProject.trim()}>
              Create project
            </Button>
          </form>
        </div>
      </div>
      <RenameProjectDialog project={renaming} onClose={() => setRenaming(null)} onRenamed={refreshProjects} />
    </Panel>
  );
}

function RenameProjectDialog({ project, onClose, onRenamed }: { project: Project | null; onClose: () => void; onRenamed: () => Promise<unknown> }) {
  const { slug } = useOrganization();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (next: string) => apiFetch<Project>(slug, `projects/${encodeURIComponent(project!.slug)}`, { method: "PATCH", body: { name: next } }),
    onSuccess: async (renamed) => {
      toast.success(`Project renamed to “${renamed.name}”`);
      await onRenamed();
      onClose();
    },
    onError: (failure) => setError(failure.message),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(String(new FormData(event.currentTarget).get("name") ?? "").trim());
  };
  return (
    <Dialog open={project !== null} onClose={onClose} title={project ? `Rename ${project.name}` : "Rename project"} size="sm">
      {project && (
        <form onSubmit={submit} key={project.id}>
          <TextField label="Name" name="name" defaultValue={project.name} error={error ?? undefined} maxLength={100} required />
          <p className="mt-2 text-xs text-muted">
            The slug <code>{project.slug}</code> stays.
          </p>
          <DialogActions>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" pending={save.isPending}>
              Save
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
