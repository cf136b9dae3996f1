// SVG to PNG for the images Vigie posts in Slack: resvg (a Rust rasterizer shipped as a prebuilt binary
// inside its npm package), with the app's own font and no system font read.
import { Resvg } from "@resvg/resvg-js";
import { CHART_FONT } from "./charts.js";
import { FONT_FILES } from "./fonts.js";

/** Rasterizes an SVG at `scale` times its size (2: sharp on high-density screens). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold, FONT_FILES.oblique],
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
  });
  return resvg.render().asPng();
}
