"use client";
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { AddColumnDialog as AddColumnDialogType } from "./add-column-dialog";
import type { PersonEditorDialog as PersonEditorDialogType } from "./person-editor-dialog";
import type { RowEditorDialog as RowEditorDialogType } from "./row-editor-dialog";
import type { RuleSettingsDialog as RuleSettingsDialogType } from "./rule-settings-dialog";

// The matrix screen's dialogs, loaded when first opened and mounted only while open:
// their forms and the zod schemas behind them stay out of the page's first-load
// JavaScript. The Dialog mounts open (showModal, focus) and gives focus back on unmount,
// as it does when closed, so nothing changes for people or tests.

const LazyAddColumnDialog = dynamic(() => import("./add-column-dialog").then((m) => m.AddColumnDialog), {
  ssr: false,
});
const LazyPersonEditorDialog = dynamic(() => import("./person-editor-dialog").then((m) => m.PersonEditorDialog), {
  ssr: false,
});
const LazyRowEditorDialog = dynamic(() => import("./row-editor-dialog").then((m) => m.RowEditorDialog), {
  ssr: false,
});
const LazyRuleSettingsDialog = dynamic(() => import("./rule-settings-dialog").then((m) => m.RuleSettingsDialog), {
  ssr: false,
});

export function AddColumnDialog(props: ComponentProps<typeof AddColumnDialogType>) {
  return props.open ? <LazyAddColumnDialog {...props} /> : null;
}

export function PersonEditorDialog(props: ComponentProps<typeof PersonEditorDialogType>) {
  return props.open ? <LazyPersonEditorDialog {...props} /> : null;
}

export function RowEditorDialog(props: ComponentProps<typeof RowEditorDialogType>) {
  return props.open ? <LazyRowEditorDialog {...props} /> : null;
}

export function RuleSettingsDialog(props: ComponentProps<typeof RuleSettingsDialogType>) {
  return props.open ? <LazyRuleSettingsDialog {...props} /> : null;
}
