package tradebook.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG/SVG fallback is a real picture of the same charts the browser tests open. */
class ChartPictureTest {
    @TempDir Path dir;

    @Test
    void googPicture() throws Exception {
        BufferedImage img = picture(Samples.goog().plot());
        assertEquals(1200, img.getWidth());
        assertTrue(img.getHeight() > 600, "height " + img.getHeight());
        assertTrue(inked(img) > 0.08, "ink " + inked(img));
        assertTrue(near(img, BacktestPlot.UP) > 2000 && near(img, BacktestPlot.DOWN) > 2000, "rising and falling candles drawn");
    }

    @Test
    void millionBarPicture() throws Exception {
        BufferedImage img = picture(Samples.walk().plot());
        assertTrue(inked(img) > 0.08, "ink " + inked(img));
        assertTrue(near(img, BacktestPlot.EQUITY) > 500, "equity line drawn");
    }

    @Test
    void heatmapPicture() throws Exception {
        BufferedImage img = picture(Chart.plotHeatmaps(Samples.threeParams()));
        assertTrue(inked(img) > 0.3, "ink " + inked(img));
    }

    @Test
    void saveByExtension() throws Exception {
        Chart c = Chart.plotHeatmaps(Samples.threeParams());
        String html = Files.readString(c.save(dir.resolve("h.html")));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("window.Plotly = Plotly") && html.contains("\"type\":\"heatmap\""));
        assertTrue(!html.contains("<script src"), "nothing loaded from elsewhere");
        byte[] png = Files.readAllBytes(c.save(dir.resolve("sub/h.png")));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        String svg = Files.readString(c.save(dir.resolve("h.svg")));
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"), svg.substring(0, Math.min(200, svg.length())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.save(dir.resolve("h.pdf")));
        assertTrue(e.getMessage().contains(".html, .png or .svg"));
    }

    private static BufferedImage picture(Chart c) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(c.toPng()));
    }

    /** Share of pixels that are not (near) white. */
    static double inked(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 255) < 235 || ((rgb >> 8) & 255) < 235 || (rgb & 255) < 235) n++;
            }
        }
        return (double) n / (img.getWidth() * img.getHeight());
    }

    /** Pixels within a small distance of a colour. */
    static long near(BufferedImage img, String hex) {
        int c = Integer.parseInt(hex.substring(1), 16), r0 = (c >> 16) & 255, g0 = (c >> 8) & 255, b0 = c & 255;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 255) - r0) + Math.abs(((rgb >> 8) & 255) - g0) + Math.abs((rgb & 255) - b0) < 30) n++;
            }
        }
        return n;
    }
}
