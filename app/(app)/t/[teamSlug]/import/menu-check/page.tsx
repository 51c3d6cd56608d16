import { ExportMenu } from "@/components/matrix/export-menu";
// TEMPORARY visual check of the export menu; deleted after the screenshot.
export default function Page() {
  return (
    <div className="flex justify-end p-8">
      <ExportMenu matrixId="demo" filter={{ categories: ["Delivery"], onlyWithFindings: true }} />
    </div>
  );
}
