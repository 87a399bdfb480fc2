package io.guanxi.console;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Leaves a screenshot of the browser under {@code target/console-screenshots} when a browser test fails. */
final class ScreenshotOnFailure implements TestWatcher {

    /** A test class whose browser can be photographed. */
    interface Photographed {
        Supplier<Browser> browser();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getTestInstance().filter(Photographed.class::isInstance).map(Photographed.class::cast)
                .map(test -> test.browser().get()).ifPresent(browser ->
                        browser.screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                                + context.getRequiredTestMethod().getName()));
    }
}
