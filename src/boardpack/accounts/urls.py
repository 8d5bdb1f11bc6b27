from django.urls import path

from boardpack.accounts import auth_views, security_views, sso, views
from boardpack.accounts import second_factor_views as second_factor

urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/new/", views.person_new, name="person-new"),
    path("people/<int:pk>/edit/", views.person_edit, name="person-edit"),
    path(
        "people/<int:pk>/second-factor/reset/",
        security_views.second_factor_reset,
        name="person-second-factor-reset",
    ),
    path("people/<int:pk>/sessions/end/", security_views.sessions_end, name="person-sessions-end"),
    path("people/lockouts/", security_views.lockouts, name="lockouts"),
    path("people/lockouts/unlock/", security_views.lockout_unlock, name="lockout-unlock"),
    path("login/", auth_views.SignInView.as_view(), name="login"),
    path("logout/", auth_views.SignOutView.as_view(), name="logout"),
    path("signed-out/", auth_views.signed_out, name="signed-out"),
    path("session/keep-alive/", auth_views.keep_alive, name="session-keep-alive"),
    path("login/second-factor/", second_factor.second_factor_verify, name="second-factor-verify"),
    path("account/second-factor/", second_factor.second_factor, name="second-factor"),
    path(
        "account/second-factor/set-up/",
        second_factor.second_factor_setup,
        name="second-factor-setup",
    ),
    path(
        "account/second-factor/confirm/",
        second_factor.second_factor_confirm,
        name="second-factor-confirm",
    ),
    path(
        "account/second-factor/recovery-codes/",
        second_factor.recovery_codes,
        name="recovery-codes",
    ),
    path("account/password/", auth_views.password_change, name="password-change"),
    path("password-reset/", auth_views.password_reset, name="password_reset"),
    path("password-reset/sent/", auth_views.password_reset_done, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.password_reset_complete,
        name="password_reset_complete",
    ),
    path("sso/start/", sso.sso_start, name="sso-start"),
    path("sso/callback/", sso.sso_callback, name="oidc_authentication_callback"),
]
