"use client";
// The organization the dashboard is showing and the viewer's role in it, set
// once by the gateway layout so any client component can call the API for the
// right organization and hide what a member may not use.
import { createContext, useContext, type ReactNode } from "react";

export interface OrganizationContextValue {
  slug: string;
  name: string;
  role: "admin" | "member";
}

const OrganizationContext = createContext<OrganizationContextValue | null>(null);

export function OrganizationProvider({ value, children }: { value: OrganizationContextValue; children: ReactNode }) {
  return <OrganizationContext.Provider value={value}>{children}</OrganizationContext.Provider>;
}

export function useOrganization(): OrganizationContextValue {
  const value = useContext(OrganizationContext);
  if (!value) throw new Error("useOrganization() must be used inside the gateway layout");
  return value;
}
