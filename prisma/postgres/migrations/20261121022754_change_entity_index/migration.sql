-- CreateIndex
CREATE INDEX "MatrixChange_matrixId_entity_entityId_id_idx" ON "MatrixChange"("matrixId", "entity", "entityId", "id");
