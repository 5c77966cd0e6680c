package tradebook.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * {@code %maven g:a:v}: resolves an artifact and its runtime closure from Maven Central with Maven
 * Resolver, cached in the local Maven repository (~/.m2/repository, or {@code maven.repo.local}).
 */
final class MavenResolver {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private RepositorySystem system;

    /** The jar files of {@code coords} and everything it needs at run time. */
    synchronized List<File> resolve(List<String> coords) throws Exception {
        return resolve(coords, List.of());
    }

    /**
     * As above, leaving out dependencies matching {@code excludes} ({@code group} or
     * {@code group:artifact}), e.g. native BLAS jars for every platform a pure-Java class never loads.
     */
    synchronized List<File> resolve(List<String> coords, List<String> excludes) throws Exception {
        if (system == null) system = new RepositorySystemSupplier().get();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // POM profiles activate on java.version & co.; without these the model fails and the
        // (lenient) descriptor policy silently drops every dependency
        session.setSystemProperties(System.getProperties());
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepo())));
        RemoteRepository central = new RemoteRepository.Builder("central", "default",
                System.getProperty("tradebook.maven.central", CENTRAL)).build();
        CollectRequest collect = new CollectRequest();
        List<org.eclipse.aether.graph.Exclusion> exclusions = new ArrayList<>();
        for (String e : excludes) {
            String[] ga = e.split(":");
            exclusions.add(new org.eclipse.aether.graph.Exclusion(ga[0], ga.length > 1 ? ga[1] : "*", "*", "*"));
        }
        for (String c : coords) collect.addDependency(new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME, false, exclusions));
        collect.setRepositories(List.of(central));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<File> jars = new ArrayList<>();
        for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
            if (r.getArtifact() != null && r.getArtifact().getFile() != null) jars.add(r.getArtifact().getFile());
        }
        return jars;
    }

    static File localRepo() {
        String p = System.getProperty("maven.repo.local");
        return p != null ? new File(p) : Path.of(System.getProperty("user.home"), ".m2", "repository").toFile();
    }
}
