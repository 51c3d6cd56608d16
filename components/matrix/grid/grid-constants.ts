/** Fixed sizes: they let both virtualizers compute positions without measuring. */
export const ROW_HEIGHT = 40;
export const GROUP_HEIGHT = 34;
export const HEADER_HEIGHT = 60;
export const COLUMN_WIDTH = 136;
export const ROW_HEADER_WIDTH = 320;
