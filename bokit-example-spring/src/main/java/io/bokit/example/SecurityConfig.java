package io.bokit.example;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The example's security: bokit's operator page ({@code /bokit}) needs a signed-in user (the adapter then asks for the
 * role {@code BOKIT_ADMIN}); every other page, the demo feeds and the exports stay open, as before. DEMO ONLY: two
 * users kept in memory with passwords from the properties.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** The rules: the page behind a login form, the rest open; the JSON actuator left out of CSRF (DEMO ONLY). */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/bokit/ical/**")
                        .permitAll()
                        .requestMatchers("/bokit", "/bokit/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/actuator/**"));
        return http.build();
    }

    /** {@code host} may see bokit's page, {@code guest} may sign in but not see it. */
    @Bean
    UserDetailsService users(
            @Value("${example.host-password:demo}") String hostPassword,
            @Value("${example.guest-password:demo}") String guestPassword) {
        return new InMemoryUserDetailsManager(
                User.withUsername("host")
                        .password("{noop}" + hostPassword)
                        .roles("BOKIT_ADMIN")
                        .build(),
                User.withUsername("guest").password("{noop}" + guestPassword).build());
    }
}
