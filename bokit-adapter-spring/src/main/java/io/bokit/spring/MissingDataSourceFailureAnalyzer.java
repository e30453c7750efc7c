package io.bokit.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link MissingDataSourceException} into Spring Boot's startup report: what is missing, what to add. */
public final class MissingDataSourceFailureAnalyzer extends AbstractFailureAnalyzer<MissingDataSourceException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingDataSourceException cause) {
        return new FailureAnalysis(MissingDataSourceException.DESCRIPTION, MissingDataSourceException.ACTION, cause);
    }
}
