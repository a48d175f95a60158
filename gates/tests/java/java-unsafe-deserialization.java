import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

public class Loader {
    public Object load(InputStream stream) throws Exception {
        ObjectInputStream in = new ObjectInputStream(stream);
        // ruleid: java-unsafe-deserialization
        return in.readObject();
    }

    public Object loadFiltered(InputStream stream) throws Exception {
        ObjectInputStream in = new ObjectInputStream(stream);
        in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.*;!*"));
        // ok: java-unsafe-deserialization
        return in.readObject();
    }
}
