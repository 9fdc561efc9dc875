package io.github.docstack.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** horizon in a real browser: Debian's headless Chromium through Debian's chromedriver (nothing downloaded). */
final class Horizon {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private Horizon() {}

    /**
     * Logs in on horizon's form, opens the images page, waits until it lists {@code image}, saves a screenshot.
     *
     * @return the page's HTML as the browser shows it
     */
    static String imagesPageAfterLogin(
            String dashboard, String user, String password, String image, Path screenshot, Path work) throws Exception {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,900",
                        "--user-data-dir=" + Files.createTempDirectory(work, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            browser.get(dashboard + "auth/login/");
            browser.findElement(By.id("id_username")).sendKeys(user);
            browser.findElement(By.id("id_password")).sendKeys(password);
            browser.findElement(By.id("loginBtn")).click();
            wait.until(page -> !page.getCurrentUrl().contains("/auth/login"));
            browser.get(dashboard + "project/images/");
            // The images table is filled by the page's own script, after load.
            wait.until(page -> page.getPageSource().contains(image));
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
            return browser.getPageSource();
        } finally {
            browser.quit();
        }
    }
}
