import java.io.File;
import java.nio.file.*;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
public class ExtractText {
  public static void main(String[] a) throws Exception {
    Path out = Path.of(a[0]);
    for (int i = 1; i < a.length; i++) {
      File f = new File(a[i]);
      try (PDDocument d = Loader.loadPDF(f)) {
        String t = new PDFTextStripper().getText(d);
        Files.writeString(out.resolve(f.getName().replaceAll("\\.pdf$", ".txt")), t);
        System.out.println(f.getName() + " " + t.length());
      } catch (Exception e) { System.out.println(f.getName() + " FAILED " + e); }
    }
  }
}
